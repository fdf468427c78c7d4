using System.Collections.Immutable;

namespace CommunityModel.Metrics;

/// <summary>Builds a <see cref="SalesReport"/> in one pass; per member a purchase count and the channels bought on.</summary>
internal sealed class SalesAccumulator
{
    private readonly MetricsPeriod _period;
    private readonly Currency _currency;
    private readonly int _startDay;
    private readonly int _endDay;
    private readonly Dictionary<string, Totals> _channels = new(StringComparer.Ordinal);
    private readonly HashSet<(int Member, Totals Channel)> _channelBuyers = [];
    private int[] _purchases = [];
    private long _buyers;
    private long _repeatBuyers;
    private long _refunds;

    internal SalesAccumulator(MetricsPeriod period, Currency currency)
    {
        _period = period;
        _currency = currency;
        _startDay = period.Start.DayNumber;
        _endDay = period.End.DayNumber;
    }

    internal void OnTraffic(TrafficRecorded traffic, int day)
    {
        if (day >= _startDay && day < _endDay)
        {
            Channel(traffic.Channel).Traffic += traffic.Visits;
        }
    }

    internal void OnPurchase(PurchaseMade purchase, int member, int day)
    {
        if (day < _startDay || day >= _endDay)
        {
            return;
        }

        var channel = Channel(purchase.Channel);
        channel.Orders++;
        channel.MinorUnits = checked(channel.MinorUnits + purchase.Amount.MinorUnits);
        if (_channelBuyers.Add((member, channel)))
        {
            channel.Buyers++;
        }

        MemberIndex.Fit(ref _purchases, member, 0);
        var count = ++_purchases[member];
        if (count == 1)
        {
            _buyers++;
        }
        else if (count == 2)
        {
            _repeatBuyers++;
        }
    }

    /// <summary>A product refund made in the period: sales by channel stay gross, the refunds are reported beside them.</summary>
    internal void OnRefund(Money amount, int day)
    {
        if (day >= _startDay && day < _endDay)
        {
            _refunds = checked(_refunds + amount.MinorUnits);
        }
    }

    internal SalesReport Build()
    {
        var channels = _channels.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => Line(c.Key, c.Value)).ToImmutableArray();
        var total = new Totals
        {
            Traffic = _channels.Values.Sum(c => c.Traffic),
            Orders = _channels.Values.Sum(c => c.Orders),
            MinorUnits = _channels.Values.Sum(c => c.MinorUnits),
            Buyers = _buyers,
        };
        return new SalesReport(_period, Line(SalesReport.AllChannels, total), channels, _buyers == 0 ? null : Rate.Of(_repeatBuyers, _buyers), Money.FromMinorUnits(_refunds, _currency));
    }

    private ChannelSales Line(string name, Totals totals)
    {
        var sales = Money.FromMinorUnits(totals.MinorUnits, _currency);
        return new ChannelSales(
            name,
            totals.Traffic,
            totals.Orders,
            totals.Buyers,
            sales,
            totals.Traffic == 0 ? null : Rate.Of(Math.Min(totals.Buyers, totals.Traffic), totals.Traffic),
            totals.Orders == 0 ? null : sales.Divide(totals.Orders));
    }

    private Totals Channel(string name)
    {
        if (!_channels.TryGetValue(name, out var totals))
        {
            totals = new Totals();
            _channels.Add(name, totals);
        }

        return totals;
    }

    private sealed class Totals
    {
        internal long Traffic { get; set; }

        internal long Orders { get; set; }

        internal long Buyers { get; set; }

        internal long MinorUnits { get; set; }
    }
}
