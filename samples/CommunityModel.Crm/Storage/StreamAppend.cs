namespace CommunityModel.Crm.Storage;

/// <summary>One command's events for one stream, appended at the version the CRM decided on, with who asked for them.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="ExpectedVersion">The stream's version the command decided on.</param>
/// <param name="Events">The events, in order.</param>
/// <param name="Actor">The signed-in account that asked (<c>admin</c>, <c>staff-li</c>, <c>member-1024</c>); stored on every row.</param>
internal sealed record StreamAppend(string StreamId, long ExpectedVersion, IReadOnlyList<IDomainEvent> Events, string Actor);
