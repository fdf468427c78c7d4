namespace CommunityModel.Persistence;

/// <summary>A stream's state frozen at a version: restore it, then apply the stream's events after <see cref="Version"/>.</summary>
/// <typeparam name="TSnapshot">The snapshot record, e.g. <see cref="Memberships.MembershipSnapshot"/>.</typeparam>
/// <param name="StreamId">The stream.</param>
/// <param name="Version">The stream's version the state was taken at: it holds every event up to and including this one.</param>
/// <param name="State">The snapshot.</param>
public sealed record StoredSnapshot<TSnapshot>(string StreamId, long Version, TSnapshot State)
    where TSnapshot : class;
