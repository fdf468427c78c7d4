namespace CommunityModel.Persistence;

/// <summary>An event as an <see cref="IEventStore"/> returns it: where it sits in its stream and in the whole store.</summary>
/// <param name="StreamId">The stream it was appended to.</param>
/// <param name="Version">Its place in the stream: 1 for the stream's first event, one more for each after.</param>
/// <param name="Position">Its place in the whole store: 1 for the first event appended to any stream, one more for each after.</param>
/// <param name="Event">The event.</param>
public sealed record RecordedEvent(string StreamId, long Version, long Position, IDomainEvent Event);
