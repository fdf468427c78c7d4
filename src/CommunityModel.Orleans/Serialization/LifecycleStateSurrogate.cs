using CommunityModel.Lifecycle;

namespace CommunityModel.Orleans.Serialization;

/// <summary>
/// How a <see cref="LifecycleState"/> crosses a grain boundary: as its <see cref="LifecycleSnapshot"/> (which the shipped
/// JSON context writes), restored on the other side with <see cref="LifecycleState.Restore(LifecycleSnapshot)"/>.
/// </summary>
[GenerateSerializer]
[Alias("communitymodel.lifecycle-state")]
internal readonly struct LifecycleStateSurrogate
{
    /// <summary>The state's snapshot.</summary>
    [Id(0)]
    public LifecycleSnapshot Snapshot { get; init; }
}

/// <summary>Converts a <see cref="LifecycleState"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class LifecycleStateSurrogateConverter : IConverter<LifecycleState, LifecycleStateSurrogate>
{
    /// <inheritdoc/>
    public LifecycleState ConvertFromSurrogate(in LifecycleStateSurrogate surrogate) => LifecycleState.Restore(surrogate.Snapshot);

    /// <inheritdoc/>
    public LifecycleStateSurrogate ConvertToSurrogate(in LifecycleState value) => new() { Snapshot = value.ToSnapshot() };
}
