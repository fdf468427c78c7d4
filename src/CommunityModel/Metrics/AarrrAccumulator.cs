using CommunityModel.Lifecycle;

namespace CommunityModel.Metrics;

/// <summary>
/// Builds an <see cref="AarrrReport"/> in one pass. Per member: a byte of flags, the registration time, the
/// purchases in the period, the current stage and the stage when the period started.
/// </summary>
internal sealed class AarrrAccumulator
{
    private const byte Unknown = byte.MaxValue;
    private readonly MetricsPeriod _period;
    private readonly Currency _currency;
    private readonly ActivationSignal _signal;
    private readonly LifecycleStage _activationStage;
    private readonly long _activationWindow;
    private readonly int _previousStartDay;
    private readonly int _startDay;
    private readonly int _endDay;
    private readonly long _startTicks;
    private readonly long _endTicks;
    private readonly Rate _grossMargin;
    private Flags[] _flags = [];
    private long[] _registeredTicks = [];
    private int[] _purchases = [];
    private byte[] _stage = [];
    private byte[] _stageAtStart = [];
    private long _revenue;

    internal AarrrAccumulator(MetricsPeriod period, ZonedCalendar calendar, Currency currency, ActivationSignal signal, LifecycleStage activationStage, TimeSpan activationWindow, Rate grossMargin)
    {
        _grossMargin = grossMargin;
        _period = period;
        _currency = currency;
        _signal = signal;
        _activationStage = activationStage;
        _activationWindow = activationWindow.Ticks;
        _previousStartDay = period.Start.DayNumber - period.Days;
        _startDay = period.Start.DayNumber;
        _endDay = period.End.DayNumber;
        _startTicks = calendar.StartOf(period.Start).UtcTicks;
        _endTicks = calendar.StartOf(period.End).UtcTicks;
    }

    [Flags]
    private enum Flags : byte
    {
        None = 0,
        Registered = 1,
        Activated = 2,
        ActiveBefore = 4,
        ActiveNow = 8,
        BoughtBefore = 16,
        NewCustomer = 32,
        Referred = 64,
        Churned = 128,
    }

    internal void OnTransition(MemberTransitioned transition, int member, int day)
    {
        Fit(member);
        var ticks = transition.OccurredAt.UtcTicks;
        FixStageAtStart(member, ticks);
        ref var flags = ref _flags[member];
        if (transition.Trigger == LifecycleTrigger.Registered && day >= _startDay && day < _endDay)
        {
            flags |= Flags.Registered;
            _registeredTicks[member] = ticks;
        }

        if (ticks >= _startTicks && ticks < _endTicks && IsPaying(_stageAtStart[member]) && IsPaying((byte)transition.From)
            && transition.To is LifecycleStage.Lapsed or LifecycleStage.Customer or LifecycleStage.Removed)
        {
            flags |= Flags.Churned;
        }

        _stage[member] = (byte)transition.To;
        if (_signal == ActivationSignal.StageReached && (transition.To == _activationStage || transition.Passed.Contains(_activationStage)))
        {
            Activate(member, ticks);
        }
    }

    internal void OnActivity(int member, int day, long ticks, ActivationSignal kind)
    {
        Fit(member);
        if (day >= _previousStartDay && day < _startDay)
        {
            _flags[member] |= Flags.ActiveBefore;
        }
        else if (day >= _startDay && day < _endDay)
        {
            _flags[member] |= Flags.ActiveNow;
        }

        if (_signal == kind || _signal == ActivationSignal.Activity)
        {
            Activate(member, ticks);
        }
    }

    internal void OnPurchase(PurchaseMade purchase, int member, int day)
    {
        OnActivity(member, day, purchase.OccurredAt.UtcTicks, ActivationSignal.Purchase);
        ref var flags = ref _flags[member];
        if (day < _startDay)
        {
            flags |= Flags.BoughtBefore;
            return;
        }

        if (day >= _endDay)
        {
            return;
        }

        if ((flags & Flags.BoughtBefore) == 0)
        {
            flags |= Flags.NewCustomer;
        }

        _revenue = checked(_revenue + purchase.Amount.MinorUnits);
        _purchases[member]++;
    }

    /// <summary>A refund made in the period lowers its (net) revenue; buyers and orders stay as they were.</summary>
    internal void OnRefund(Money amount, int day)
    {
        if (day >= _startDay && day < _endDay)
        {
            _revenue = checked(_revenue - amount.MinorUnits);
        }
    }

    internal void OnReferral(int referred)
    {
        Fit(referred);
        if ((_flags[referred] & (Flags.BoughtBefore | Flags.NewCustomer)) == 0)
        {
            _flags[referred] |= Flags.Referred;
        }
    }

    /// <summary>The report, with the invitations sent in the period and how many of them were accepted.</summary>
    internal AarrrReport Build(long invitationsSent, long invitationsAccepted)
    {
        long active = 0, acquired = 0, activated = 0, before = 0, returned = 0, buyers = 0, repeat = 0, paying = 0, churned = 0, customers = 0, newCustomers = 0, referred = 0;
        for (var m = 0; m < _flags.Length; m++)
        {
            var flags = _flags[m];
            acquired += (flags & Flags.Registered) != 0 ? 1 : 0;
            activated += (flags & (Flags.Registered | Flags.Activated)) == (Flags.Registered | Flags.Activated) ? 1 : 0;
            active += (flags & Flags.ActiveNow) != 0 ? 1 : 0;
            before += (flags & Flags.ActiveBefore) != 0 ? 1 : 0;
            returned += (flags & (Flags.ActiveBefore | Flags.ActiveNow)) == (Flags.ActiveBefore | Flags.ActiveNow) ? 1 : 0;
            buyers += _purchases[m] > 0 ? 1 : 0;
            repeat += _purchases[m] > 1 ? 1 : 0;
            paying += IsPaying(_stageAtStart[m] == Unknown ? _stage[m] : _stageAtStart[m]) ? 1 : 0;
            churned += (flags & Flags.Churned) != 0 ? 1 : 0;
            customers += (flags & Flags.BoughtBefore) != 0 ? 1 : 0;
            newCustomers += (flags & Flags.NewCustomer) != 0 ? 1 : 0;
            referred += (flags & (Flags.NewCustomer | Flags.Referred)) == (Flags.NewCustomer | Flags.Referred) ? 1 : 0;
        }

        return new AarrrReport(_period, acquired, activated, before, returned, Money.FromMinorUnits(_revenue, _currency), buyers, repeat, paying, churned, customers, newCustomers, referred, active, invitationsSent, invitationsAccepted, _grossMargin);
    }

    private static bool IsPaying(byte stage) => stage is (byte)LifecycleStage.Member or (byte)LifecycleStage.Partner;

    private void Activate(int member, long ticks)
    {
        ref var flags = ref _flags[member];
        if ((flags & (Flags.Registered | Flags.Activated)) == Flags.Registered && ticks - _registeredTicks[member] <= _activationWindow)
        {
            flags |= Flags.Activated;
        }
    }

    private void FixStageAtStart(int member, long ticks)
    {
        if (ticks >= _startTicks && _stageAtStart[member] == Unknown)
        {
            // The first event at or after the start: the stage held until now is the stage at the start.
            _stageAtStart[member] = _stage[member] == Unknown ? (byte)(Unknown - 1) : _stage[member];
        }
    }

    private void Fit(int member)
    {
        MemberIndex.Fit(ref _flags, member, Flags.None);
        MemberIndex.Fit(ref _registeredTicks, member, 0L);
        MemberIndex.Fit(ref _purchases, member, 0);
        MemberIndex.Fit(ref _stage, member, Unknown);
        MemberIndex.Fit(ref _stageAtStart, member, Unknown);
    }
}
