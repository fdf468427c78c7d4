namespace CommunityModel.Persistence;

/// <summary>
/// Two writers raced on one stream: the append expected the stream at one version and found it at another. Nothing was
/// written; read the stream again, decide again and retry. Code <see cref="ErrorCodes.StreamVersionConflict"/>.
/// </summary>
public sealed class StreamConcurrencyException : CommunityModelException
{
    /// <summary>Creates the error naming the stream and both versions.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="expectedVersion">The version the append expected.</param>
    /// <param name="actualVersion">The version the store holds.</param>
    public StreamConcurrencyException(string streamId, long expectedVersion, long actualVersion)
        : base(ErrorCodes.StreamVersionConflict, $"Stream '{streamId}' changed concurrently: the append expected version {expectedVersion}, the store holds version {actualVersion}.")
    {
        StreamId = streamId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The stream.</summary>
    public string StreamId { get; }

    /// <summary>The version the append expected.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version the store holds (0 for a stream with no events).</summary>
    public long ActualVersion { get; }
}
