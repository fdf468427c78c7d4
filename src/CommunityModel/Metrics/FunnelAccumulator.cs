using System.Collections.Immutable;
using CommunityModel.Lifecycle;

namespace CommunityModel.Metrics;

/// <summary>
/// Builds a <see cref="FunnelReport"/> in one pass over stage entries. Per member it keeps the funnel step reached,
/// the entry time of the first step and of the last step reached; a stage counts only when it is the next step
/// (stages skipped over, <see cref="MemberTransitioned.Passed"/>, count as entered at the same time).
/// </summary>
internal sealed class FunnelAccumulator
{
    private const sbyte NotSeen = -1;
    private const sbyte Closed = -2;
    private readonly LifecycleStage[] _stages;
    private readonly sbyte[] _stepOf = [-1, -1, -1, -1, -1, -1, -1, -1, -1];
    private readonly MetricsPeriod _period;
    private readonly int _startDay;
    private readonly int _endDay;
    private readonly long _window;
    private readonly long[] _entered;
    private readonly List<long>[] _fromPrevious;
    private readonly List<long>[] _fromStart;
    private Progress[] _members = [];

    internal FunnelAccumulator(IReadOnlyList<LifecycleStage> stages, MetricsPeriod period, TimeSpan window)
    {
        _stages = [.. stages];
        for (var i = 0; i < _stages.Length; i++)
        {
            _stepOf[(int)_stages[i]] = (sbyte)i;
        }

        _period = period;
        _startDay = period.Start.DayNumber;
        _endDay = period.End.DayNumber;
        _window = window.Ticks;
        _entered = new long[_stages.Length];
        _fromPrevious = [.. _stages.Select(_ => new List<long>())];
        _fromStart = [.. _stages.Select(_ => new List<long>())];
    }

    internal void OnTransition(MemberTransitioned transition, int member, int day)
    {
        MemberIndex.Fit(ref _members, member, new Progress(NotSeen));
        ref var progress = ref _members[member];
        if (progress.Reached == Closed)
        {
            return;
        }

        var ticks = transition.OccurredAt.UtcTicks;
        var passed = transition.Passed;
        for (var i = 0; i < passed.Length; i++)
        {
            Enter(ref progress, passed[i], ticks, day);
        }

        Enter(ref progress, transition.To, ticks, day);
    }

    internal FunnelReport Build()
    {
        var steps = ImmutableArray.CreateBuilder<FunnelStep>(_stages.Length);
        for (var i = 0; i < _stages.Length; i++)
        {
            var entered = _entered[i];
            var previous = i == 0 ? entered : _entered[i - 1];
            steps.Add(new FunnelStep(
                _stages[i],
                entered,
                i == 0 || previous == 0 ? null : Rate.Of(entered, previous),
                _entered[0] == 0 ? null : Rate.Of(entered, _entered[0]),
                previous - entered,
                i == 0 ? null : Median.Of(_fromPrevious[i]),
                i == 0 ? null : Median.Of(_fromStart[i])));
        }

        return new FunnelReport(_period, TimeSpan.FromTicks(_window), steps.MoveToImmutable());
    }

    private void Enter(ref Progress progress, LifecycleStage stage, long ticks, int day)
    {
        var step = (uint)stage < (uint)_stepOf.Length ? _stepOf[(int)stage] : (sbyte)-1;
        if (step < 0 || progress.Reached == Closed)
        {
            return;
        }

        if (progress.Reached == NotSeen)
        {
            // Only a first entry into the first step, during the period, opens the funnel for a member.
            if (step != 0 || day < _startDay || day >= _endDay)
            {
                progress.Reached = Closed;
                return;
            }

            progress = new Progress(0) { EntryTicks = ticks, LastTicks = ticks };
            _entered[0]++;
            return;
        }

        if (step != progress.Reached + 1)
        {
            return;
        }

        var fromStart = ticks - progress.EntryTicks;
        if (fromStart > _window)
        {
            progress.Reached = Closed;
            return;
        }

        progress.Reached = step;
        _entered[step]++;
        _fromPrevious[step].Add(ticks - progress.LastTicks);
        _fromStart[step].Add(fromStart);
        progress.LastTicks = ticks;
    }

    /// <summary>A member's way down the funnel: the step reached, when they entered the first step and the last one reached.</summary>
    private struct Progress(sbyte reached) : IEquatable<Progress>
    {
        internal sbyte Reached = reached;
        internal long EntryTicks;
        internal long LastTicks;

        public readonly bool Equals(Progress other) => Reached == other.Reached && EntryTicks == other.EntryTicks && LastTicks == other.LastTicks;

        public override readonly bool Equals(object? obj) => obj is Progress other && Equals(other);

        public override readonly int GetHashCode() => HashCode.Combine(Reached, EntryTicks, LastTicks);
    }
}
