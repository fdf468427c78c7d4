using System.Collections.Immutable;
using CommunityModel.Lifecycle;

namespace CommunityModel.Metrics;

/// <summary>
/// Builds a <see cref="SegmentReport"/> in one pass. Per member: the value-chain stage, and the membership tier with
/// the span its terms cover without a gap; each order (and refund) of the period goes to the segments in force at its
/// instant, before the event itself changes them.
/// </summary>
internal sealed class SegmentAccumulator
{
    private const byte NoStage = byte.MaxValue;
    private readonly MetricsPeriod _period;
    private readonly Currency _currency;
    private readonly Rate _grossMargin;
    private readonly int _startDay;
    private readonly int _endDay;
    private readonly Dictionary<string, Totals> _tiers = new(StringComparer.Ordinal);
    private readonly Totals[] _stages = new Totals[(int)LifecycleStage.Removed + 2];
    private readonly HashSet<(int Member, Totals Segment)> _segmentBuyers = [];
    private readonly Totals _total = new();
    private readonly Totals _members = new();
    private byte[] _stage = [];
    private string?[] _tier = [];
    private long[] _coveredFrom = [];
    private long[] _coveredUntil = [];

    internal SegmentAccumulator(MetricsPeriod period, Currency currency, Rate grossMargin)
    {
        _period = period;
        _currency = currency;
        _grossMargin = grossMargin;
        _startDay = period.Start.DayNumber;
        _endDay = period.End.DayNumber;
    }

    internal void OnTransition(MemberTransitioned transition, int member)
    {
        Fit(member);
        _stage[member] = (byte)transition.To;
    }

    /// <summary>A new term: the member holds its tier from its start (or from the start of the run of terms it continues) to the latest end.</summary>
    internal void OnTermStarted(int member, string tier, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        Fit(member);
        var starts = startsAt.UtcTicks;
        if (_tier[member] is null || starts > _coveredUntil[member])
        {
            _coveredFrom[member] = starts;
            _coveredUntil[member] = endsAt.UtcTicks;
        }
        else
        {
            _coveredUntil[member] = Math.Max(_coveredUntil[member], endsAt.UtcTicks);
        }

        _tier[member] = tier;
    }

    /// <summary>An upgrade: the tier held changes (and the end, when the upgrade restarts the term).</summary>
    internal void OnTermChanged(int member, string tier, DateTimeOffset endsAt)
    {
        Fit(member);
        if (_tier[member] is null)
        {
            _coveredFrom[member] = long.MinValue; // the terms before the upgrade were not handed over
        }

        _tier[member] = tier;
        _coveredUntil[member] = endsAt.UtcTicks;
    }

    /// <summary>A refund of the membership: from now on the member holds no tier.</summary>
    internal void OnTermsCancelled(int member)
    {
        Fit(member);
        _tier[member] = null;
    }

    internal void OnPurchase(int member, Money amount, long ticks, int day)
    {
        if (day < _startDay || day >= _endDay)
        {
            return;
        }

        Fit(member);
        var tier = TierAt(member, ticks);
        Order(member, _total, amount);
        Order(member, tier is null ? Tier(SegmentReport.NoTier) : Tier(tier), amount);
        Order(member, Stage(member), amount);
        if (tier is not null)
        {
            Order(member, _members, amount);
        }
    }

    /// <summary>A refund made in the period lowers the revenue of the segments the member is in when it is made.</summary>
    internal void OnRefund(int member, Money amount, long ticks, int day)
    {
        if (day < _startDay || day >= _endDay)
        {
            return;
        }

        Fit(member);
        var tier = TierAt(member, ticks);
        var units = -amount.MinorUnits;
        _total.Add(units);
        (tier is null ? Tier(SegmentReport.NoTier) : Tier(tier)).Add(units);
        Stage(member).Add(units);
        if (tier is not null)
        {
            _members.Add(units);
        }
    }

    /// <summary>The report, with lifetime values divided by the period's churn.</summary>
    internal SegmentReport Build(Rate? churn)
    {
        SegmentLine Line(string name, Totals totals)
        {
            var revenue = Money.FromMinorUnits(totals.MinorUnits, _currency);
            return new SegmentLine(
                name,
                totals.Buyers,
                totals.Orders,
                revenue,
                Lifetime.Value(revenue, totals.Buyers, churn, Rate.One),
                Lifetime.Value(revenue, totals.Buyers, churn, _grossMargin));
        }

        var tiers = _tiers.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => Line(t.Key, t.Value)).ToImmutableArray();
        var stages = _stages.Select((totals, i) => (totals, i)).Where(s => s.totals is not null)
            .Select(s => Line(s.i == _stages.Length - 1 ? SegmentReport.UnknownStage : ((LifecycleStage)s.i).ToString(), s.totals))
            .ToImmutableArray();
        var customers = _tiers.TryGetValue(SegmentReport.NoTier, out var none) ? none : new Totals();
        return new SegmentReport(
            _period,
            Line(SegmentReport.Everyone, _total),
            tiers,
            stages,
            new MembersAgainstCustomers(Line(SegmentReport.AnyTier, _members), Line(SegmentReport.NoTier, customers)),
            churn,
            _grossMargin);
    }

    private string? TierAt(int member, long ticks) =>
        _tier[member] is { } tier && ticks >= _coveredFrom[member] && ticks < _coveredUntil[member] ? tier : null;

    private void Order(int member, Totals segment, Money amount)
    {
        segment.Orders++;
        segment.Add(amount.MinorUnits);
        if (_segmentBuyers.Add((member, segment)))
        {
            segment.Buyers++;
        }
    }

    private Totals Tier(string name)
    {
        if (!_tiers.TryGetValue(name, out var totals))
        {
            totals = new Totals();
            _tiers.Add(name, totals);
        }

        return totals;
    }

    private Totals Stage(int member)
    {
        var stage = _stage[member];
        var slot = stage < _stages.Length - 1 ? stage : _stages.Length - 1;
        return _stages[slot] ??= new Totals();
    }

    private void Fit(int member)
    {
        MemberIndex.Fit(ref _stage, member, NoStage);
        MemberIndex.Fit(ref _tier, member, null);
        MemberIndex.Fit(ref _coveredFrom, member, 0L);
        MemberIndex.Fit(ref _coveredUntil, member, 0L);
    }

    private sealed class Totals
    {
        internal long Orders { get; set; }

        internal long Buyers { get; set; }

        internal long MinorUnits { get; private set; }

        internal void Add(long minorUnits) => MinorUnits = checked(MinorUnits + minorUnits);
    }
}
