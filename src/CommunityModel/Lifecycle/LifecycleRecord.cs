using System.Collections.Immutable;

namespace CommunityModel.Lifecycle;

/// <summary>
/// The fields of a member's lifecycle state as one value, so the online path copies it into a new
/// <see cref="LifecycleState"/> and replay advances it in place, both through <see cref="Enter"/>:
/// one rule for how a transition changes state, and no allocation per replayed event.
/// </summary>
internal struct LifecycleRecord
{
    public const int NotSuspended = -1;

    public MemberId Member;
    public LifecycleStage Stage;
    public long Version;
    public int SuspendedFrom;
    public long StageEnteredTicks;
    public StageTimes FirstEntered;

    public static LifecycleRecord Start(MemberId member, LifecycleStage stage, long ticks)
    {
        var record = new LifecycleRecord { Member = member, Stage = stage, Version = 1, SuspendedFrom = NotSuspended, StageEnteredTicks = ticks };
        record.FirstEntered[(int)stage] = ticks;
        return record;
    }

    /// <summary>Applies a transition to <paramref name="to"/> at <paramref name="ticks"/>.</summary>
    public void Enter(LifecycleStage to, ImmutableArray<LifecycleStage> passed, long ticks)
    {
        var from = Stage;
        Version++;
        if (to == from)
        {
            return;
        }

        SuspendedFrom = to == LifecycleStage.Suspended ? (int)from : NotSuspended;
        Stage = to;
        StageEnteredTicks = ticks;
        foreach (var stage in passed)
        {
            MarkFirst(stage, ticks);
        }

        MarkFirst(to, ticks);
    }

    public readonly bool SameAs(in LifecycleRecord other)
    {
        if (Member != other.Member || Stage != other.Stage || Version != other.Version || SuspendedFrom != other.SuspendedFrom || StageEnteredTicks != other.StageEnteredTicks)
        {
            return false;
        }

        for (var i = 0; i < StageTimes.Count; i++)
        {
            if (FirstEntered[i] != other.FirstEntered[i])
            {
                return false;
            }
        }

        return true;
    }

    private void MarkFirst(LifecycleStage stage, long ticks)
    {
        ref var slot = ref FirstEntered[(int)stage];
        if (slot == 0)
        {
            slot = ticks;
        }
    }
}
