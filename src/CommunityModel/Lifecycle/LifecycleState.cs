using System.Collections.Immutable;

namespace CommunityModel.Lifecycle;

/// <summary>
/// A member's place on the value chain: the stage, the version (one more per transition, for optimistic
/// concurrency) and when the member first entered each stage (for funnels and cohorts). Immutable and
/// owned by the integrator (it lives in the integrator's own entity); <see cref="ValueChain.Fire"/> returns
/// the next state with its event, and <see cref="ValueChain.Replay(ReadOnlySpan{MemberTransitioned})"/>
/// rebuilds it from the events.
/// </summary>
public sealed record LifecycleState
{
    private readonly LifecycleRecord _record;

    internal LifecycleState(in LifecycleRecord record) => _record = record;

    /// <summary>The member.</summary>
    public MemberId Member => _record.Member;

    /// <summary>The current stage.</summary>
    public LifecycleStage Stage => _record.Stage;

    /// <summary>1 after <see cref="ValueChain.Start"/>, one more per transition; the version of the last event.</summary>
    public long Version => _record.Version;

    /// <summary>While <see cref="LifecycleStage.Suspended"/>, the stage reinstatement returns to; otherwise null.</summary>
    public LifecycleStage? SuspendedFrom => _record.SuspendedFrom == LifecycleRecord.NotSuspended ? null : (LifecycleStage)_record.SuspendedFrom;

    /// <summary>When the member entered the current stage (a re-entry, such as a renewal, keeps it).</summary>
    public DateTimeOffset StageEnteredAt => new(_record.StageEnteredTicks, TimeSpan.Zero);

    /// <summary>Every stage the member has reached (entered or passed while skipping), with when it first happened.</summary>
    public ImmutableArray<KeyValuePair<LifecycleStage, DateTimeOffset>> FirstEntries =>
        [.. Enum.GetValues<LifecycleStage>().Where(s => FirstEnteredAt(s).HasValue).Select(s => KeyValuePair.Create(s, FirstEnteredAt(s)!.Value))];

    internal ref readonly LifecycleRecord Record => ref _record;

    /// <summary>When the member first reached <paramref name="stage"/>, or null if never.</summary>
    /// <param name="stage">A stage.</param>
    /// <returns>The UTC time, or null.</returns>
    public DateTimeOffset? FirstEnteredAt(LifecycleStage stage)
    {
        if ((uint)stage >= StageTimes.Count)
        {
            return null;
        }

        var record = _record;
        var ticks = record.FirstEntered[(int)stage];
        return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>
    /// Rebuilds a state the integrator stored column by column (stage, version, times), validating that the parts fit.
    /// </summary>
    /// <param name="member">The member.</param>
    /// <param name="stage">The stored stage.</param>
    /// <param name="version">The stored version (at least 1).</param>
    /// <param name="stageEnteredAt">When the stage was entered.</param>
    /// <param name="firstEntries">When each reached stage was first reached; must include <paramref name="stage"/>.</param>
    /// <param name="suspendedFrom">The stage suspended from; required exactly when <paramref name="stage"/> is <see cref="LifecycleStage.Suspended"/>.</param>
    /// <returns>The state.</returns>
    /// <exception cref="InvalidLifecycleStateException">The parts contradict each other.</exception>
    public static LifecycleState Restore(
        MemberId member, LifecycleStage stage, long version, DateTimeOffset stageEnteredAt, IEnumerable<KeyValuePair<LifecycleStage, DateTimeOffset>> firstEntries, LifecycleStage? suspendedFrom = null)
    {
        ArgumentNullException.ThrowIfNull(firstEntries);
        var problems = new List<string>();
        if (member.IsEmpty)
        {
            problems.Add("the member id is empty");
        }

        if (!Enum.IsDefined(stage))
        {
            problems.Add($"stage {(int)stage} is not a lifecycle stage");
        }

        if (version < 1)
        {
            problems.Add($"version {version} is below 1");
        }

        if ((stage == LifecycleStage.Suspended) != suspendedFrom.HasValue)
        {
            problems.Add("a suspended-from stage is given exactly when the stage is Suspended");
        }

        if (suspendedFrom is { } from && (from is LifecycleStage.Suspended or LifecycleStage.Removed || !Enum.IsDefined(from)))
        {
            problems.Add($"{from} cannot be a suspended-from stage");
        }

        var record = new LifecycleRecord
        {
            Member = member,
            Stage = stage,
            Version = version,
            SuspendedFrom = suspendedFrom is { } s ? (int)s : LifecycleRecord.NotSuspended,
            StageEnteredTicks = stageEnteredAt.UtcTicks,
        };
        foreach (var (reached, at) in firstEntries)
        {
            if (!Enum.IsDefined(reached))
            {
                problems.Add($"stage {(int)reached} is not a lifecycle stage");
                continue;
            }

            record.FirstEntered[(int)reached] = at.UtcTicks;
        }

        if (Enum.IsDefined(stage) && record.FirstEntered[(int)stage] == 0)
        {
            problems.Add($"the first entries do not include the current stage {stage}");
        }

        return problems.Count == 0 ? new LifecycleState(record) : throw new InvalidLifecycleStateException(member, problems);
    }

    /// <summary>The state as a record to store; <see cref="Restore(LifecycleSnapshot)"/> gives back an equal state.</summary>
    /// <returns>The snapshot.</returns>
    public LifecycleSnapshot ToSnapshot() => new(Member, Stage, Version, StageEnteredAt, FirstEntries, SuspendedFrom);

    /// <summary>Rebuilds a state from its snapshot, validating that the parts fit.</summary>
    /// <param name="snapshot">A snapshot from <see cref="ToSnapshot"/>.</param>
    /// <returns>The state.</returns>
    /// <exception cref="InvalidLifecycleStateException">The parts contradict each other.</exception>
    public static LifecycleState Restore(LifecycleSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);

        // The common case, a snapshot this library wrote, is checked without allocating; anything odd takes the full check,
        // which names every problem.
        var entries = snapshot.FirstEntries.IsDefault ? [] : snapshot.FirstEntries;
        if (!snapshot.Member.IsEmpty && snapshot.Version >= 1 && snapshot.Stage is not LifecycleStage.Suspended && snapshot.SuspendedFrom is null && Enum.IsDefined(snapshot.Stage))
        {
            var record = new LifecycleRecord
            {
                Member = snapshot.Member,
                Stage = snapshot.Stage,
                Version = snapshot.Version,
                SuspendedFrom = LifecycleRecord.NotSuspended,
                StageEnteredTicks = snapshot.StageEnteredAt.UtcTicks,
            };
            var fits = true;
            foreach (var (reached, at) in entries)
            {
                fits &= Enum.IsDefined(reached);
                if (fits)
                {
                    record.FirstEntered[(int)reached] = at.UtcTicks;
                }
            }

            if (fits && record.FirstEntered[(int)snapshot.Stage] != 0)
            {
                return new LifecycleState(record);
            }
        }

        return Restore(snapshot.Member, snapshot.Stage, snapshot.Version, snapshot.StageEnteredAt, entries, snapshot.SuspendedFrom);
    }

    /// <inheritdoc/>
    public bool Equals(LifecycleState? other) => other is not null && (ReferenceEquals(this, other) || _record.SameAs(other._record));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_record.Member, _record.Stage, _record.Version);

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Member = ").Append(Member).Append(", Stage = ").Append(Stage).Append(", Version = ").Append(Version);
        if (SuspendedFrom is { } from)
        {
            builder.Append(", SuspendedFrom = ").Append(from);
        }

        builder.Append(", StageEnteredAt = ").Append(StageEnteredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}
