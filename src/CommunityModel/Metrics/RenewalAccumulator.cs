using System.Collections.Immutable;

namespace CommunityModel.Metrics;

/// <summary>
/// Builds a <see cref="RenewalReport"/> in one pass over membership terms. Per member it keeps the latest term
/// (tier, end, number); the next term settles whether it was renewed. Terms still open at the end of the events
/// count as not renewed, so compute renewals once the grace after the period has passed.
/// </summary>
internal sealed class RenewalAccumulator
{
    private readonly MetricsPeriod _period;
    private readonly ZonedCalendar _calendar;
    private readonly long _grace;
    private readonly int _startDay;
    private readonly int _endDay;
    private readonly Dictionary<(string Tier, int Term), long[]> _lines = [];
    private string?[] _tier = [];
    private DateTimeOffset[] _ends = [];
    private int[] _terms = [];

    internal RenewalAccumulator(MetricsPeriod period, ZonedCalendar calendar, TimeSpan grace)
    {
        _period = period;
        _calendar = calendar;
        _grace = grace.Ticks;
        _startDay = period.Start.DayNumber;
        _endDay = period.End.DayNumber;
    }

    internal void OnTermStarted(MembershipTermStarted term, int member) => OnTermStarted(member, term.Tier, term.StartsAt, term.EndsAt);

    /// <summary>A new term: it settles the member's open term (renewed when it starts within the grace after its end) and becomes the open one.</summary>
    internal void OnTermStarted(int member, string tier, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        Fit(member);
        if (_tier[member] is { } open)
        {
            Settle(open, _terms[member], _ends[member], startsAt.UtcTicks <= _ends[member].UtcTicks + _grace);
        }

        _tier[member] = tier;
        _ends[member] = endsAt;
        _terms[member]++;
    }

    /// <summary>An upgrade: the open term changes tier (and end, when the upgrade restarts it) without ending; it is not a renewal.</summary>
    internal void OnTermChanged(int member, string tier, DateTimeOffset endsAt)
    {
        Fit(member);
        if (_tier[member] is null)
        {
            _terms[member]++; // the history before the upgrade was not handed over: this is the first term seen
        }

        _tier[member] = tier;
        _ends[member] = endsAt;
    }

    /// <summary>A refund: the open terms were cancelled, so nothing of them falls due for renewal.</summary>
    internal void OnTermsCancelled(int member)
    {
        Fit(member);
        _tier[member] = null;
    }

    private void Fit(int member)
    {
        MemberIndex.Fit(ref _tier, member, null);
        MemberIndex.Fit(ref _ends, member, default);
        MemberIndex.Fit(ref _terms, member, 0);
    }

    internal RenewalReport Build()
    {
        for (var member = 0; member < _tier.Length; member++)
        {
            if (_tier[member] is { } tier)
            {
                Settle(tier, _terms[member], _ends[member], renewed: false);
            }
        }

        var lines = _lines.OrderBy(l => l.Key.Tier, StringComparer.Ordinal).ThenBy(l => l.Key.Term)
            .Select(l => new RenewalLine(l.Key.Tier, l.Key.Term, l.Value[0], l.Value[1]))
            .ToImmutableArray();
        var tiers = lines.GroupBy(l => l.Tier, StringComparer.Ordinal)
            .Select(g => new RenewalLine(g.Key, null, g.Sum(l => l.Due), g.Sum(l => l.Renewed)))
            .ToImmutableArray();
        var total = new RenewalLine(null, null, lines.Sum(l => l.Due), lines.Sum(l => l.Renewed));
        return new RenewalReport(_period, TimeSpan.FromTicks(_grace), lines, tiers, total);
    }

    private void Settle(string tier, int term, DateTimeOffset end, bool renewed)
    {
        var day = _calendar.DayNumber(end);
        if (day < _startDay || day >= _endDay)
        {
            return;
        }

        if (!_lines.TryGetValue((tier, term), out var counts))
        {
            counts = new long[2];
            _lines.Add((tier, term), counts);
        }

        counts[0]++;
        if (renewed)
        {
            counts[1]++;
        }
    }
}
