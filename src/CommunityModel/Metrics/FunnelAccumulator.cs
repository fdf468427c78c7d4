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
    private sbyte[] _reached = [];
    private long[] _entryTicks = [];
    private long[] _lastTicks = [];

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
        MemberIndex.Fit(ref _reached, member, NotSeen);
        MemberIndex.Fit(ref _entryTicks, member, 0L);
        MemberIndex.Fit(ref _lastTicks, member, 0L);
        ref var reached = ref _reached[member];
        if (reached == Closed)
        {
            return;
        }

        var ticks = transition.OccurredAt.UtcTicks;
        var passed = transition.Passed;
        for (var i = 0; i < passed.Length; i++)
        {
            Enter(member, ref reached, passed[i], ticks, day);
        }

        Enter(member, ref reached, transition.To, ticks, day);
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

    private void Enter(int member, ref sbyte reached, LifecycleStage stage, long ticks, int day)
    {
        var step = (uint)stage < (uint)_stepOf.Length ? _stepOf[(int)stage] : (sbyte)-1;
        if (step < 0 || reached == Closed)
        {
            return;
        }

        if (reached == NotSeen)
        {
            // Only a first entry into the first step, during the period, opens the funnel for a member.
            if (step != 0 || day < _startDay || day >= _endDay)
            {
                reached = Closed;
                return;
            }

            reached = 0;
            _entryTicks[member] = ticks;
            _lastTicks[member] = ticks;
            _entered[0]++;
            return;
        }

        if (step != reached + 1)
        {
            return;
        }

        var fromStart = ticks - _entryTicks[member];
        if (fromStart > _window)
        {
            reached = Closed;
            return;
        }

        reached = step;
        _entered[step]++;
        _fromPrevious[step].Add(ticks - _lastTicks[member]);
        _fromStart[step].Add(fromStart);
        _lastTicks[member] = ticks;
    }
}
