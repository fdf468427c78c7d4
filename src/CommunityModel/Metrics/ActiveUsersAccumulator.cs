using System.Collections.Immutable;

namespace CommunityModel.Metrics;

/// <summary>
/// Builds an <see cref="ActiveUsersReport"/> in one pass: per member only the last active day. A member active on
/// day d, last active on day l, adds one to the rolling 7-day (30-day) count of every day from max(d, l + 7)
/// (max(d, l + 30)) to d + 6 (d + 29) — an interval, added in O(1) to a difference array.
/// </summary>
internal sealed class ActiveUsersAccumulator
{
    private const int Week = 7;
    private const int Month = 30;
    private readonly MetricsPeriod _period;
    private readonly int _baseDay;
    private readonly int _endDay;
    private readonly long[] _dau;
    private readonly long[] _wauChanges;
    private readonly long[] _mauChanges;
    private int[] _lastDay = [];

    internal ActiveUsersAccumulator(MetricsPeriod period)
    {
        _period = period;
        _baseDay = period.Start.DayNumber - (Month - 1);
        _endDay = period.End.DayNumber;
        var days = _endDay - _baseDay;
        _dau = new long[days];
        _wauChanges = new long[days + Month + 1];
        _mauChanges = new long[days + Month + 1];
    }

    internal void OnActivity(int member, int day)
    {
        if (day < _baseDay || day >= _endDay)
        {
            return;
        }

        MemberIndex.Fit(ref _lastDay, member, int.MinValue / 2);
        var i = day - _baseDay;
        ref var last = ref _lastDay[member];
        if (last == i)
        {
            return;
        }

        _dau[i]++;
        Count(_wauChanges, i, last, Week);
        Count(_mauChanges, i, last, Month);
        last = i;
    }

    internal ActiveUsersReport Build()
    {
        var days = ImmutableArray.CreateBuilder<ActiveUsersDay>(_period.Days);
        long wau = 0, mau = 0;
        for (var i = 0; i < _dau.Length; i++)
        {
            wau += _wauChanges[i];
            mau += _mauChanges[i];
            if (i >= Month - 1)
            {
                days.Add(new ActiveUsersDay(DateOnly.FromDayNumber(_baseDay + i), _dau[i], wau, mau));
            }
        }

        return new ActiveUsersReport(_period, days.MoveToImmutable());
    }

    private static void Count(long[] changes, int day, int lastDay, int window)
    {
        var from = Math.Max(day, lastDay + window);
        var to = day + window;
        if (from < to)
        {
            changes[from]++;
            changes[to]--;
        }
    }
}
