using System.Collections.Immutable;

namespace CommunityModel.Lifecycle;

/// <summary>
/// A member's <see cref="LifecycleState"/> as a record to store (<see cref="LifecycleState.ToSnapshot"/>) and restore
/// (<see cref="LifecycleState.Restore(LifecycleSnapshot)"/>) without replaying the member's transitions.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="Stage">The current stage.</param>
/// <param name="Version">The version of the last transition.</param>
/// <param name="StageEnteredAt">When the current stage was entered.</param>
/// <param name="FirstEntries">Every stage reached, with when it was first reached.</param>
/// <param name="SuspendedFrom">While suspended, the stage reinstatement returns to; otherwise null.</param>
public sealed record LifecycleSnapshot(
    MemberId Member,
    LifecycleStage Stage,
    long Version,
    DateTimeOffset StageEnteredAt,
    ImmutableArray<KeyValuePair<LifecycleStage, DateTimeOffset>> FirstEntries,
    LifecycleStage? SuspendedFrom = null);
