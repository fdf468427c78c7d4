using System.Collections.Immutable;
using CommunityModel.Catalog;
using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;
using CommunityModel.Metrics;
using CommunityModel.Onboarding;
using CommunityModel.Referrals;

namespace CommunityModel.Demo;

/// <summary>
/// A year (or <see cref="DemoOptions.Months"/>) of the seed business, driven through the library's <see cref="Community"/>:
/// people register, order, ask refunds, attend and come back through its commands, and the community moves them along
/// the value chain, sells, renews, upgrades and refunds memberships, issues member numbers, grants promoter rights and
/// accrues each paid order's commission (<see cref="CommunityCommissions"/>) as it happens. The run keeps only what the
/// community does not: the lead groups, the <see cref="OnboardingProcess"/>, and the month end of a team plan
/// (<see cref="MonthEnd"/>: rank differential and peer bonus, withdrawals). <see cref="CommunityMetrics"/> and the
/// <see cref="ComplianceLinter"/> read the community's events. One <see cref="Random"/> made from the seed and a clock
/// moved forward by the run: the same options give the same year.
/// </summary>
public sealed class CommunityYear
{
    // Monthly behaviour of the seed business (the chances a person takes a step in a month).
    private const double ProspectJoinsOnArrival = 0.60, ProspectJoinsLater = 0.15;
    private const double FanBuysTrial = 0.14, TrialLeadsToBootcamp = 0.70, FanBuysBootcamp = 0.04, DormantComesBack = 0.05;
    private const double CustomerBuysVip = 0.06, CustomerBuysGiftPack = 0.03, CustomerBuysBootcamp = 0.08, CustomerBuysOfflineCourse = 0.01;
    private const double VipUpgradesToKa = 0.012, GiftPackUpgradesToVip = 0.05, VipAttendsOfflineCourse = 0.12, MemberBuysBackEndCourse = 0.006, KaAttendsBackEndCourse = 0.10;
    private const double LapsedRenews = 0.06, RenewsAtTermEnd = 0.60, RefundsVip = 0.04;
    private const double CustomerRefers = 0.02, MemberRefers = 0.06, PromoterRefers = 0.10, PartnerRefers = 0.15;
    private const double Attends = 0.232, OnboardingStalls = 0.06, NicknameWrongFirst = 0.15;
    private const int LeadGroupCapacity = 500, Founders = 5;
    private const string PublicClass = "public-class";
    private const int ExplainedOrdersPerEarner = 6;

    private static readonly ImmutableArray<string> Cities = ["杭州", "上海", "成都", "广州", "北京", "深圳"];
    private static readonly ImmutableArray<string> Industries = ["教育", "餐饮", "美业", "电商", "咨询", "健康"];
    private static readonly ImmutableArray<string> Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"];
    private static readonly ImmutableArray<string> Tiers = [SeedBusiness.GiftPackTier, SeedBusiness.Vip, SeedBusiness.Ka];

    private readonly DemoOptions _options;
    private readonly CommissionSetup _setup;
    private readonly DemoClock _clock;
    private readonly Random _random;
    private readonly ValueChain _chain;
    private readonly OnboardingProcess _onboarding;
    private readonly MembershipDesk _desk;
    private readonly ProductCatalog _catalog;
    private readonly CommunityCommissions _commissions;
    private readonly MonthEnd? _monthEnd;
    private readonly List<Person> _people = [];
    private readonly List<IDomainEvent> _events = [];
    private readonly PriorityQueue<Action, (long Ticks, long Sequence)> _agenda = new();
    private readonly List<CommunityOrder> _monthOrders = [];
    private readonly List<RefundRecorded> _monthRefunds = [];
    private readonly Dictionary<string, (CommunityOrder Order, int Month)> _ordersById = new(StringComparer.Ordinal);
    private readonly List<MonthClose> _closes = [];
    private readonly long[] _linesByKind = new long[Enum.GetValues<CommissionRuleKind>().Length];
    private readonly Money[] _paidByKind = [.. Enum.GetValues<CommissionRuleKind>().Select(_ => Money.Zero(Currency.CNY))];
    private readonly IProgress<CommissionRunProgress>? _runProgress;
    private readonly List<MonthLine> _months = [];
    private readonly List<int> _leadGroups = [];
    private readonly SortedSet<long> _earners = [];
    private readonly Dictionary<string, int[]> _membershipMoves = new(StringComparer.Ordinal);
    private readonly DateOnly _firstDay;
    private readonly OperatingRhythm _rhythm;
    private Community _community;
    private CampaignMonth? _campaigns;
    private long _sequence, _orderNumber, _refundNumber, _withdrawalNumber;
    private bool _recording;
    private int _bought, _referred, _existing, _nicknameRefusals, _upgrades, _refunds;
    private int _monthArrivals, _monthNewCustomers, _monthNewMembers;
    private Money _refunded = Money.Zero(Currency.CNY), _paidOut = Money.Zero(Currency.CNY), _monthCommission = Money.Zero(Currency.CNY), _monthPaidOut = Money.Zero(Currency.CNY);
    private Money _playRewards = Money.Zero(Currency.CNY);

    private CommunityYear(DemoOptions options, CommissionSetup setup, IProgress<CommissionRunProgress>? runProgress)
    {
        _runProgress = runProgress;
        _options = options;
        _setup = setup;
        _firstDay = new DateOnly(options.StartYear, 1, 1);
        _clock = new DemoClock(Local(_firstDay.AddYears(-1), 0, 0));
        _random = new Random(options.Seed);
        _rhythm = new OperatingRhythm(_clock);
        _chain = new ValueChain(new ValueChainOptions(), _clock);
        _onboarding = new OnboardingProcess(new OnboardingOptions(), _clock);
        var plan = SeedBusiness.CreatePlan();
        _catalog = plan.Catalog;
        _desk = new MembershipDesk(plan, _clock);
        _commissions = new CommunityCommissions(new CommissionCalculator(setup.Plan), new CommissionLedger(setup.Ledger, _clock), setup.Roles);
        _monthEnd = MonthEnd.PaysRanks(setup.Plan) ? new MonthEnd(setup) : null;
        // Last year's business was paid under last year's arrangements: it is taken by a community without commissions,
        // then replayed into the one that pays the run (LastYear).
        _community = NewCommunity(commissions: null);
    }

    /// <summary>Runs the year.</summary>
    /// <param name="options">Size, length and seed of the run.</param>
    /// <param name="setup">The commission plan, ledger settings and linter; <see langword="null"/> for <see cref="CommissionSetup.Default"/>.</param>
    /// <param name="monthDone">Called after each month end with the number of months done (for a progress display).</param>
    /// <param name="runProgress">Receives each month-end run's progress (team plans): qualifying ranks, then orders paid.</param>
    /// <returns>The year's report.</returns>
    public static YearReport Run(DemoOptions options, CommissionSetup? setup = null, Action<int>? monthDone = null, IProgress<CommissionRunProgress>? runProgress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var year = new CommunityYear(options, setup ?? CommissionSetup.Default(), runProgress);
        year.LastYear();
        for (var month = 0; month < options.Months; month++)
        {
            year.RunMonth(month);
            monthDone?.Invoke(month + 1);
        }

        return year.Report();
    }

    private Community NewCommunity(ICommunityCommissions? commissions) =>
        new(_chain, new ReferralOptions(), new MemberNumberOptions(), _clock, new CommunityOptions(), _catalog, _desk, commissions);

    // ── Before the run: the founders and last year's members, whose renewals fall in the run ──

    private void LastYear()
    {
        var start = _clock.GetUtcNow();
        for (var i = 0; i < Founders; i++)
        {
            // The founders bought the partner package (合伙人): partners and promoters from the start.
            PlaceOrder(Register(default), SeedBusiness.PartnerPackage);
        }

        foreach (var staff in _rhythm.Staff([.. _people.Take(Founders).Select(p => p.Id)]))
        {
            Execute(staff); // the founders are the promoters, the trainer and the manager of the work pipeline
        }

        _existing = Math.Max(5, _options.Members / 10);
        var span = Local(_firstDay, 0, 0) - start;
        for (var i = 0; i < _existing; i++)
        {
            var at = start + (span * (i + 0.5) / _existing);
            var tier = i % 12 == 11 ? SeedBusiness.Ka : SeedBusiness.Vip;
            Schedule(at, () =>
            {
                var sponsor = _random.NextDouble() < 0.5 || _people.Count == Founders ? _people[_random.Next(Founders)] : _people[Founders + _random.Next(_people.Count - Founders)];
                BuyMembership(Register(sponsor.Id), tier, refundable: false);
            });
        }

        RunUntil(Local(_firstDay, 0, 0));
        Execute(new ClosePeriod());
        _community = Community.Replay(_events, NewCommunity(_commissions));
        _recording = true;
    }

    // ── One month ──

    private void RunMonth(int month)
    {
        var first = _firstDay.AddMonths(month);
        var next = first.AddMonths(1);
        _monthArrivals = _monthNewCustomers = _monthNewMembers = 0;
        _monthCommission = _monthPaidOut = Money.Zero(Currency.CNY);

        var arrivals = (int)(((long)_options.Members * (month + 1) / _options.Months) - ((long)_options.Members * month / _options.Months));
        for (var i = 0; i < arrivals; i++)
        {
            Schedule(SomeTimeIn(first, next), () => Arrive(default));
        }

        var classDay = Local(first.AddDays(14), 20, 0);
        var count = _people.Count;
        for (var i = 0; i < count; i++)
        {
            PlanMonthOf(_people[i], first, next, classDay);
        }

        if (month == Math.Min(_options.Months - 1, 1))
        {
            (_campaigns = new CampaignMonth(_community, _clock, Schedule, e => { Store(e); e.OfType<ProductPurchased>().ToList().ForEach(p => Took(_people.First(x => x.Id == p.Member), p.OrderId)); }, () => [.. _people.Where(x => !_community.Member(x.Id).IsHeld).Select(x => x.Id)])).Plan(first);
        }

        if (month == Math.Min(_options.Months - 1, 5))
        {
            Schedule(Local(first, 9, 0), MakeSureOfAnUpgradeAndARefund);
        }

        RunUntil(Local(next, 0, 0).AddHours(-1));
        _clock.MoveTo(Local(next, 0, 0).AddHours(-1));
        Execute(new ClosePeriod());   // the month's expiries (→ Lapsed) and idle fans (→ Dormant), by the library's rules
        CloseMonth(first);
    }

    private void PlanMonthOf(Person person, DateOnly first, DateOnly next, DateTimeOffset classDay)
    {
        var roll = _random.NextDouble();
        var when = SomeTimeIn(first, next);
        var member = _community.Member(person.Id);
        switch (member.Stage)
        {
            case LifecycleStage.Prospect when roll < ProspectJoinsLater:
                Schedule(when, () => JoinLeadGroup(person));
                break;
            case LifecycleStage.Fan:
                if (roll < FanBuysTrial)
                {
                    // The trial class is the lead product: it keeps a fan a fan; the bootcamp it leads to makes a customer.
                    Schedule(when, () => PlaceOrder(person, SeedBusiness.TrialClass));
                    if (_random.NextDouble() < TrialLeadsToBootcamp)
                    {
                        Schedule(when.AddDays(3), () => PlaceOrder(person, SeedBusiness.Bootcamp));
                    }
                }
                else if (roll < FanBuysTrial + FanBuysBootcamp)
                {
                    Schedule(when, () => PlaceOrder(person, SeedBusiness.Bootcamp));
                }

                break;
            case LifecycleStage.Dormant when roll < DormantComesBack:
                Schedule(when, () => Execute(new RecordFact(new ActivityRecorded(person.Id, _clock.GetUtcNow()))));
                break;
            case LifecycleStage.Customer:
                if (roll < CustomerBuysVip)
                {
                    Schedule(when, () => BuyMembership(person, SeedBusiness.Vip, refundable: true));
                }
                else if ((roll -= CustomerBuysVip) < CustomerBuysGiftPack)
                {
                    Schedule(when, () => BuyMembership(person, SeedBusiness.GiftPackTier, refundable: false));
                }
                else if ((roll -= CustomerBuysGiftPack) < CustomerBuysBootcamp)
                {
                    Schedule(when, () => PlaceOrder(person, SeedBusiness.Bootcamp));
                }
                else if ((roll -= CustomerBuysBootcamp) < CustomerBuysOfflineCourse)
                {
                    Schedule(when, () => PlaceOrder(person, SeedBusiness.OfflineCourse));
                }

                break;
            case LifecycleStage.Member or LifecycleStage.Partner:
                PlanMemberMonth(person, member.Membership, roll, when);
                break;
            case LifecycleStage.Lapsed when roll < LapsedRenews:
                Schedule(when, () => RenewLate(person));
                break;
        }

        var refers = member.Stage switch
        {
            LifecycleStage.Customer => CustomerRefers,
            LifecycleStage.Member => member.IsPromoter ? PromoterRefers : MemberRefers,
            LifecycleStage.Partner => PartnerRefers,
            _ => 0,
        };
        if (_random.NextDouble() < refers)
        {
            Schedule(SomeTimeIn(first, next), () => Arrive(person.Id));
        }

        if (person.LeadGroup >= 0 && member.Stage is LifecycleStage.Fan or LifecycleStage.Customer && _random.NextDouble() < Attends)
        {
            // Coming to the class is activity too: the community keeps an active fan from going dormant.
            Schedule(classDay, () =>
            {
                Execute(new RecordFact(new AttendanceRecorded(person.Id, PublicClass, GroupId(person.LeadGroup), _clock.GetUtcNow())));
                Execute(new RecordFact(new ActivityRecorded(person.Id, _clock.GetUtcNow())));
            });
        }
    }

    private void PlanMemberMonth(Person person, Membership? membership, double roll, DateTimeOffset when)
    {
        switch (membership)
        {
            case { Status: MembershipStatus.Active, TierId: SeedBusiness.GiftPackTier } when roll < GiftPackUpgradesToVip:
                Schedule(when, () => Upgrade(person, SeedBusiness.Vip));
                break;
            case { Status: MembershipStatus.Active, TierId: SeedBusiness.Vip }:
                if (roll < VipUpgradesToKa)
                {
                    Schedule(when, () => Upgrade(person, SeedBusiness.Ka));
                }
                else if ((roll -= VipUpgradesToKa) < VipAttendsOfflineCourse)
                {
                    Schedule(when, () => Attend(person, SeedBusiness.OfflineCourse));
                }
                else if ((roll -= VipAttendsOfflineCourse) < MemberBuysBackEndCourse)
                {
                    Schedule(when, () => PlaceOrder(person, SeedBusiness.BackEndCapital));
                }

                break;
            case { Status: MembershipStatus.Active, TierId: SeedBusiness.Ka } when roll < KaAttendsBackEndCourse:
                Schedule(when, () => Attend(person, roll < KaAttendsBackEndCourse / 2 ? SeedBusiness.BackEndCapital : SeedBusiness.BackEndOperations));
                break;
        }
    }

    // Every run shows at least one upgrade and one refund, whatever the draws: the first active VIP who can upgrades,
    // another asks for a refund; a community too small to have one sees a founder buy the VIP card first.
    private void MakeSureOfAnUpgradeAndARefund()
    {
        if (_upgrades == 0 && !ActiveVips().Any(p => Upgrade(p, SeedBusiness.Ka)))
        {
            Upgrade(FounderWithAVipCard(), SeedBusiness.Ka);
        }

        if (_refunds == 0 && !ActiveVips().Any(p => Refund(p, p.MembershipOrder)))
        {
            var founder = FounderWithAVipCard();
            Refund(founder, founder.MembershipOrder);
        }
    }

    private List<Person> ActiveVips() =>
        [.. _people.Where(p => MembershipOf(p) is { Status: MembershipStatus.Active, TierId: SeedBusiness.Vip } m && m.PaidThrough > _desk.Today.AddDays(1))];

    private Person FounderWithAVipCard()
    {
        var founder = _people.Take(Founders).First(p => !IsActiveMember(p));
        BuyMembership(founder, SeedBusiness.Vip, refundable: false);
        return founder;
    }

    // ── What people do: every step a command of the community ──

    private Person Register(MemberId sponsor)
    {
        var person = new Person(new MemberId(_people.Count + 1), sponsor);
        Execute(new RegisterMember(person.Id, sponsor));
        _people.Add(person);
        return person;
    }

    private void Arrive(MemberId sponsor)
    {
        var person = Register(sponsor);
        _monthArrivals++;
        if (sponsor.IsEmpty)
        {
            _bought++;
        }
        else
        {
            _referred++;
            _events.Add(new ReferralRecorded(sponsor, person.Id, _clock.GetUtcNow()));   // for the metrics' referral share
        }

        Execute(new RecordFact(new TrafficRecorded(Channel(person), 1, _clock.GetUtcNow())));
        if (_random.NextDouble() < ProspectJoinsOnArrival)
        {
            JoinLeadGroup(person);
        }
    }

    private void JoinLeadGroup(Person person)
    {
        var group = _leadGroups.Count == 0 || _leadGroups[^1] >= LeadGroupCapacity ? _leadGroups.Count : _leadGroups.Count - 1;
        var joined = _community.Execute(new JoinLeadGroup(person.Id, $"lead-{group}")).Events;
        if (joined.IsEmpty)
        {
            return; // already a fan or further along
        }

        Store(joined);

        if (_leadGroups.Count == 0 || _leadGroups[^1] >= LeadGroupCapacity)
        {
            _leadGroups.Add(0);
        }

        _leadGroups[^1]++;
        person.LeadGroup = _leadGroups.Count - 1;
        foreach (var care in _rhythm.Joined(person.Id, person.Sponsor, person.LeadGroup))
        {
            Execute(care); // the lead group's class and squad, and the fan's care team
        }
    }

    // Every sale: the community decides what the order is (product, purchase, renewal, upgrade), its price and its trigger.
    private CommunityOrder PlaceOrder(Person person, string item)
    {
        var orderId = $"order-{++_orderNumber:D6}";
        Execute(new PlaceOrder(person.Id, orderId, item));
        return Took(person, orderId);
    }

    // Books an order the community took: a new customer, the month's orders for the month end.
    private CommunityOrder Took(Person person, string orderId)
    {
        _community.TryGetOrder(orderId, out var order);
        if (order!.Paid.IsPositive)
        {
            if (!person.HasPaid)
            {
                person.HasPaid = true;
                _monthNewCustomers += _recording ? 1 : 0;
            }

            if (_recording)
            {
                _monthOrders.Add(order);
                _ordersById.Add(orderId, (order, _months.Count));
            }
        }

        return order;
    }

    private void BuyMembership(Person person, string tierId, bool refundable)
    {
        if (IsActiveMember(person))
        {
            return;
        }

        var order = PlaceOrder(person, tierId);
        person.MembershipOrder = order.OrderId;
        ScheduleRenewal(person);
        if (person.Onboarding is null && _recording)
        {
            person.Onboarding = Record(_onboarding.Start(person.Id)).State;
            Schedule(_clock.GetUtcNow().AddHours(2), () => Onboard(person));
        }

        if (refundable && _random.NextDouble() < RefundsVip)
        {
            Schedule(_clock.GetUtcNow().AddDays(1 + _random.Next(6)), () => Refund(person, order.OrderId));
        }
    }

    private bool Upgrade(Person person, string tierId)
    {
        if (MembershipOf(person) is not { Status: MembershipStatus.Active } before)
        {
            return false;
        }

        try
        {
            person.MembershipOrder = PlaceOrder(person, tierId).OrderId;
        }
        catch (MembershipRefusedException)
        {
            return false;   // the plan allows no upgrade from here (e.g. a term about to end)
        }

        if (MembershipOf(person)!.PaidThrough != before.PaidThrough)
        {
            ScheduleRenewal(person);
        }

        return true;
    }

    private void Attend(Person person, string productId)
    {
        try
        {
            Execute(new ConsumeEntitlement(person.Id, productId, $"attendance-{person.Id}-{_clock.GetUtcNow():yyyyMMdd}"));
        }
        catch (MembershipRefusedException)
        {
            // the term's seats are used up, or the membership does not include the course: no attendance
        }
    }

    // Some days before the term ends the member decides whether to renew; an unrenewed term expires at a month end.
    private void ScheduleRenewal(Person person)
    {
        var paidThrough = MembershipOf(person)!.PaidThrough;
        var decideOn = paidThrough.AddDays(-1 - _random.Next(14));
        Schedule(Local(decideOn, 10, 0), () =>
        {
            if (MembershipOf(person) is { Status: MembershipStatus.Active } m && m.PaidThrough == paidThrough && _random.NextDouble() < RenewsAtTermEnd)
            {
                Renew(person);
            }
        });
    }

    private void RenewLate(Person person)
    {
        if (MembershipOf(person) is { Status: MembershipStatus.Expired })
        {
            Renew(person);
        }
    }

    // Early, inside the grace or (lapsed) later: the community orders the tier held, and the desk decides where the new term starts.
    private void Renew(Person person)
    {
        person.MembershipOrder = PlaceOrder(person, MembershipOf(person)!.TierId).OrderId;
        ScheduleRenewal(person);
    }

    // The plan computes what a membership refund gives back; the community spreads it over the membership's orders and reverses their commission.
    private bool Refund(Person person, string? orderId)
    {
        if (!IsActiveMember(person) || orderId is null || person.MembershipOrder != orderId)
        {
            return false;   // renewed, upgraded or ended since: this refund is no longer asked for
        }

        Execute(new RefundOrder(person.Id, orderId, $"refund-{++_refundNumber:D5}"));
        return true;
    }

    private void Onboard(Person person)
    {
        var state = person.Onboarding!;
        var next = TimeSpan.FromDays(1);
        switch (state.Step)
        {
            case OnboardingStep.AwaitingSalesAccount:
                person.Onboarding = Record(_onboarding.Fire(state, OnboardingTrigger.SalesAccountAdded)).State;
                break;
            case OnboardingStep.AwaitingServiceGroup:
                person.Onboarding = Record(_onboarding.Fire(state, OnboardingTrigger.ServiceGroupCreated, new OnboardingInput(ServiceGroupRoles: StaffRoles.All))).State;
                break;
            case OnboardingStep.AwaitingCustomerService:
                person.Onboarding = Record(_onboarding.Fire(state, OnboardingTrigger.CustomerServiceAdded)).State;
                break;
            case OnboardingStep.AwaitingIntroduction:
                if (!person.IntroductionAttempted)
                {
                    person.IntroductionAttempted = true;
                    var draw = _random.NextDouble();
                    if (draw < OnboardingStalls)
                    {
                        return;   // never posts: the process lists them as stalled
                    }

                    if (draw < OnboardingStalls + NicknameWrongFirst)
                    {
                        var refused = _onboarding.TryFire(state, OnboardingTrigger.IntroductionPosted, new OnboardingInput(Nickname: $"{Surnames[(int)(person.Id.Value % Surnames.Length)]} {person.Id}"));
                        if (!refused.Succeeded)
                        {
                            _nicknameRefusals++;
                            Schedule(_clock.GetUtcNow().AddDays(2), () => Onboard(person));
                            return;
                        }
                    }
                }

                var nickname = $"{Cities[_random.Next(Cities.Length)]}-{Industries[_random.Next(Industries.Length)]}-{Surnames[(int)(person.Id.Value % Surnames.Length)]}{person.Id}";
                person.Onboarding = Record(_onboarding.Fire(state, OnboardingTrigger.IntroductionPosted, new OnboardingInput(Nickname: nickname))).State;
                break;
            case OnboardingStep.AwaitingBigGroup:
                person.Onboarding = Record(_onboarding.Fire(state, OnboardingTrigger.BigGroupJoined)).State;
                break;
            default:
                return;
        }

        if (!person.Onboarding.IsCompleted)
        {
            Schedule(_clock.GetUtcNow() + next, () => Onboard(person));
        }
    }

    // ── The community's events: stored, and counted for the report ──

    private Transition<OnboardingState, OnboardingStepCompleted> Record(Transition<OnboardingState, OnboardingStepCompleted> step)
    {
        _events.Add(step.Event);
        return step;
    }

    private void Execute(CommunityCommand command) => Store(_community.Execute(command).Events);

    private void Store(IReadOnlyList<IDomainEvent> events)
    {
        _events.AddRange(events);
        if (!_recording)
        {
            return;
        }

        foreach (var e in events)
        {
            switch (e)
            {
                case MembershipPurchased p:
                    Move(p.TierId, 0);
                    _monthNewMembers++;
                    break;
                case MembershipRenewed r:
                    Move(r.TierId, 1);
                    break;
                case MembershipUpgraded u:
                    Move(u.ToTierId, 2);
                    _upgrades++;
                    break;
                case MembershipRefunded r:
                    Move(r.TierId, 3);
                    _refunds++;
                    _refunded += r.Amount;
                    break;
                case MembershipExpired x:
                    Move(x.TierId, 4);
                    break;
                case RefundRecorded r when _ordersById.ContainsKey(r.OrderLineId):
                    _monthRefunds.Add(r);   // a refund of an order of the run: the month end takes its volume back
                    break;
                case CommissionAccrued a:
                    _earners.Add(a.Key.Beneficiary.Value);
                    if (KindOf(a) is { } kind)
                    {
                        _linesByKind[(int)kind]++;
                        _paidByKind[(int)kind] += a.Amount;
                        _monthCommission += a.Amount;
                    }
                    else
                    {
                        _playRewards += a.Amount; // a play's reward (the leader rebate) is no line of the plan: paid on top of the bases
                    }

                    break;
            }
        }
    }

    // The kind of a line by its rule: a level, the differential, a role of the plan (a care-team role, the organiser of an
    // activity, a staff share), else a peer generation; a rule outside the plan (a play's reward) has none.
    private CommissionRuleKind? KindOf(CommissionAccrued accrued) =>
        !accrued.Key.Rule.StartsWith(_setup.Plan.Name + "/", StringComparison.Ordinal) ? null
        : accrued.Level > 0 ? CommissionRuleKind.Level
        : accrued.Key.Rule == _setup.Plan.DifferentialRule ? CommissionRuleKind.Differential
        : _setup.Plan.Roles.FirstOrDefault(r => r.Rule == accrued.Key.Rule) is { } role ? role.Kind
        : CommissionRuleKind.Peer;

    private void Move(string tierId, int column)
    {
        if (!_membershipMoves.TryGetValue(tierId, out var moves))
        {
            _membershipMoves[tierId] = moves = new int[5];
        }

        moves[column]++;
    }

    private Membership? MembershipOf(Person person) => _community.Member(person.Id).Membership;

    private bool IsActiveMember(Person person) => MembershipOf(person) is { Status: MembershipStatus.Active };

    // ── Month end: rank differential and peer bonus, refunds of them, withdrawals ──

    private void CloseMonth(DateOnly first)
    {
        var network = _community.Network();
        var ledger = _commissions.Ledger;
        var ranked = 0;
        if (_monthEnd is not null)
        {
            var earners = EarnerRoster.Create(network, _people.Select(p => KeyValuePair.Create(p.Id, _commissions.StatusOf(p.Id))).Where(s => s.Value != EarnerStatus.None));
            var orders = _monthOrders.Select(_commissions.Roles.CommissionableOrderOf).ToList(); // the orders as the online path saw them: kinds, roles and all
            var refunds = _monthRefunds.Select(r => VolumeEntry.Refund(_ordersById[r.OrderLineId].Order.Member, r.Amount)).ToList();
            var close = _monthEnd.Close(orders, earners, ledger, _clock.GetUtcNow(), refunds, _runProgress);
            _closes.Add(close);
            Store(close.Events);

            // The community reversed the refunded orders' levels; the month end reverses their differential and peer lines alike.
            foreach (var refund in _monthRefunds)
            {
                Store(ledger.Refund(MonthEnd.RankLine(refund.OrderLineId), refund.RefundId, refund.Amount).Events);
            }

            ranked = network.Count - close.Run.Ranks.CountByLevel()[0];
        }

        foreach (var earner in _earners)
        {
            var available = ledger.BalanceOf(earner).Available;
            if (available.IsPositive && available >= _setup.Ledger.MinimumWithdrawal)
            {
                var request = ledger.TryRequestWithdrawal($"withdrawal-{++_withdrawalNumber:D6}", earner, available);
                if (request.Succeeded)
                {
                    _events.Add(request.Value.Event!);
                    _events.Add(ledger.MarkWithdrawalPaid(request.Value.Request.WithdrawalId));
                    _monthPaidOut += available;
                }
            }
        }

        _paidOut += _monthPaidOut;
        var depth = 0;
        for (var i = 0; i < network.Count; i++)
        {
            depth = Math.Max(depth, network.DepthAt(i));
        }

        var revenue = Money.Sum(_monthOrders.Select(o => o.Paid), Currency.CNY);
        _months.Add(new MonthLine(first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), _monthArrivals, _monthNewCustomers, _monthNewMembers, revenue, _monthCommission, _monthPaidOut, network.Count, depth, ranked));
        _monthOrders.Clear();
        _monthRefunds.Clear();
    }

    // ── The report ──

    private YearReport Report()
    {
        var period = new MetricsPeriod(_firstDay, _firstDay.AddMonths(_options.Months));
        const int metricsGraceDays = 30;
        var metrics = new CommunityMetrics(new MetricsOptions
        {
            ConversionWindowDays = period.Days,
            RenewalGraceDays = metricsGraceDays,
            ActivationSignal = ActivationSignal.StageReached,   // activated: joined a lead group (became a fan) within 7 days
            ActivationStage = LifecycleStage.Fan,
        });
        var measures = metrics.Compute(_events, period, MetricSet.Funnel | MetricSet.Sales | MetricSet.Aarrr | MetricSet.Segments);

        // A term's renewal is known only once its grace has passed: renewals of the terms that ended early enough.
        var renewalEnd = period.End.AddDays(-metricsGraceDays);
        var renewals = renewalEnd > period.Start ? metrics.Renewals(_events, new MetricsPeriod(period.Start, renewalEnd)) : null;

        var members = _community.Members;
        var groups = _leadGroups.Select((count, i) => new LeadGroup(GroupId(i), count)).Where(g => g.Members > 0).ToList();
        var participation = groups.Count == 0 ? null : ActivityParticipation.Compute(PublicClass, groups, _events);
        var leadGroups = groups.Select(g =>
        {
            var p = participation!.Groups.Single(x => x.GroupId == g.GroupId);
            var customers = _people.Count(x => x.LeadGroup >= 0 && GroupId(x.LeadGroup) == g.GroupId && x.HasPaid);
            return new LeadGroupLine(g.GroupId, (int)g.Members, p.Attendees, p.Rate, customers);
        }).ToImmutableArray();

        // The catalog's ladder, cheapest rung first, then the memberships with what a term costs; the run's orders under each.
        var orders = _ordersById.Values.Select(o => o.Order).ToList();
        var offers = _catalog.Ladder.Select(step => (RevenueLabel(step.Tier), string.Join(", ", step.Products.Select(p => $"{p.Name} {p.Price}"))))
            .Concat(Tiers.Select(t => (MembershipLabel(t), $"{_desk.Plan[t].Price} / {_desk.Plan[t].TermMonths} months")));
        var byLabel = orders.GroupBy(RevenueLabel, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (Orders: g.Count(), Amount: Money.Sum(g.Select(o => o.Paid), Currency.CNY)), StringComparer.Ordinal);
        var revenue = offers.Select(o => byLabel.TryGetValue(o.Item1, out var r) ? new RevenueLine(o.Item1, o.Item2, r.Orders, r.Amount) : new RevenueLine(o.Item1, o.Item2, 0, Money.Zero(Currency.CNY))).ToImmutableArray();

        var memberships = Tiers.Select(t =>
        {
            var m = _membershipMoves.TryGetValue(t, out var moves) ? moves : new int[5];
            return new MembershipLine(t, m[0], m[1], m[2], m[3], m[4], members.Count(p => p.Membership is { Status: MembershipStatus.Active } ms && ms.TierId == t));
        }).ToImmutableArray();

        var onboardings = _people.Where(p => p.Onboarding is not null).Select(p => p.Onboarding!).ToList();
        var onboarding = new OnboardingSummary(onboardings.Count, onboardings.Count(o => o.IsCompleted), _onboarding.Stalled(onboardings).Length, _nicknameRefusals);

        // By rule: the ledger's entries (every line above zero, as accrued); by kind: the accruals, online and at month ends.
        var ledger = _commissions.Ledger;
        var balances = _earners.Select(e => (Member: new MemberId(e), Balance: ledger.BalanceOf(e), Entries: ledger.EntriesOf(e))).ToList();
        var entries = balances.SelectMany(b => b.Entries).ToList();
        var byRule = entries.GroupBy(e => e.Key.Rule, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RuleLine(g.Key, g.Count(), Money.Sum(g.Select(e => e.Amount), Currency.CNY))).ToImmutableArray();
        var lastClose = _closes.Count == 0 ? null : _closes[^1];
        var top = balances.OrderByDescending(b => b.Balance.NetEarned.MinorUnits).ThenBy(b => b.Member.Value).Take(5)
            .Select(b => new TopEarner(b.Member, _community.Member(b.Member).Stage, b.Balance.NetEarned, Money.Sum(b.Entries.Select(e => e.Reversed), Currency.CNY), b.Entries)
            {
                Explained = ExplainFirstOrders(b.Member, b.Entries),
                Rank = lastClose?.Run.ExplainRank(b.Member),
            })
            .ToImmutableArray();
        var byKind = Enum.GetValues<CommissionRuleKind>().Where(k => _linesByKind[(int)k] > 0)
            .Select(k => new KindLine(k, (int)_linesByKind[(int)k], _paidByKind[(int)k])).ToImmutableArray();
        var ranksAtEnd = lastClose?.Run is { } last
            ? [.. last.Plan.Ladder.Ranks.Reverse().Select(r => new RankCount(r, last.Ranks.CountByLevel()[r.Level]))]
            : ImmutableArray<RankCount>.Empty;

        var profiles = _setup.Linter.Profiles.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var summary = Payouts(entries, orders);
        var totalBase = Money.Sum(orders.Select(o => o.Paid), Currency.CNY);
        return new YearReport
        {
            Options = _options,
            PlanName = _setup.Plan.Name,
            PlanSource = _setup.Source,
            Period = period,
            ExistingMembers = Founders + _existing,
            BoughtProspects = _bought,
            ReferredProspects = _referred,
            Funnel = measures.Funnel!,
            Sales = measures.Sales!,
            Aarrr = measures.Aarrr!,
            Segments = measures.Segments!,
            Renewals = renewals,
            StagesAtEnd = [.. Enum.GetValues<LifecycleStage>().Select(s => new StageCount(s, members.Count(p => p.Stage == s)))],
            LeadGroups = leadGroups,
            Calendar = leadGroups.IsEmpty ? null : _rhythm.Review(LastMonth, Local(LastMonth.AddDays(14), 20, 0), PublicClass, _events),
            CareTeams = OperatingRhythm.Carried(_community),
            Revenue = revenue,
            Refunded = _refunded,
            Memberships = memberships,
            Onboarding = onboarding,
            Months = [.. _months],
            OrdersPaid = orders.Count,
            TotalBase = totalBase,
            TotalCommission = Money.Sum(_paidByKind, Currency.CNY),
            PlayRewards = _playRewards,
            CommissionByRule = byRule,
            CommissionByKind = byKind,
            RanksAtEnd = ranksAtEnd,
            CommissionReversed = Money.Sum(entries.Select(e => e.Reversed), Currency.CNY),
            CommissionPaidOut = _paidOut,
            OwedBack = -Money.Sum(balances.Select(b => b.Balance.Available).Where(a => a.IsNegative), Currency.CNY),
            LedgerNetEarned = Money.Sum(balances.Select(b => b.Balance.NetEarned), Currency.CNY),
            TopEarners = top,
            PlanCompliance = [.. profiles.Select(p => new ProfileFindings(p, _setup.Lint(p)))],
            RunCompliance = [.. profiles.Select(p => new ProfileFindings(p, _setup.Linter.CheckRun(summary, p)))],
            PayoutRatio = summary.OverallRatio,
            LifecycleMermaid = _chain.ToMermaid(),
            OnboardingMermaid = _onboarding.ToMermaid(),
            EventCount = _events.Count,
            Campaigns = _campaigns?.Outcomes() ?? [],
        };
    }

    // The first few orders a top earner was paid on, explained on demand by the calculator: over the ranks of the month
    // they were paid in for a team plan (levels accrued online, differential and peer at the month end), else over the network.
    private ImmutableArray<ExplainedLine> ExplainFirstOrders(MemberId member, ImmutableArray<LedgerEntry> entries)
    {
        var calculator = new CommissionCalculator(_setup.Plan);
        var network = _community.Network();
        var explained = ImmutableArray.CreateBuilder<ExplainedLine>();
        foreach (var orderId in entries.Select(e => OrderIdOf(e.Key.OrderLineId)).Where(_ordersById.ContainsKey).Distinct(StringComparer.Ordinal).Take(ExplainedOrdersPerEarner)) // rewards (the leader rebate) are no order
        {
            var (order, month) = _ordersById[orderId];
            var line = _commissions.Roles.CommissionableOrderOf(order);
            if (_closes.Count == 0)
            {
                Add(calculator.Calculate(line, network).Lines);
                continue;
            }

            Add(_closes[month].Explain(line).Lines.Where(l => !MonthEnd.PaidAtMonthEnd(l.Kind)));
            Add(_closes[month].Explain(line with { OrderLineId = MonthEnd.RankLine(order.OrderId) }).Lines.Where(l => MonthEnd.PaidAtMonthEnd(l.Kind)));

            void Add(IEnumerable<CommissionLine> lines) =>
                explained.AddRange(lines.Where(l => l.Beneficiary == member && l.Amount.IsPositive).Select(l => new ExplainedLine(l, order.Member)));
        }

        return explained.ToImmutable();
    }

    private static string OrderIdOf(string ledgerLine) =>
        ledgerLine.EndsWith(MonthEnd.RankLine(""), StringComparison.Ordinal) ? ledgerLine[..^MonthEnd.RankLine("").Length] : ledgerLine;

    // What the compliance profiles check: everyone's commission (as accrued) against sales, and each earner's own sales
    // (the orders it earned level 1 on, and the group a rebated group-buy leader brought together).
    private PayoutSummary Payouts(List<LedgerEntry> entries, List<CommunityOrder> orders)
    {
        var rewarded = _campaigns?.RewardedSales() ?? new Dictionary<string, Money>();
        var earners = entries.GroupBy(e => e.Key.Beneficiary).OrderBy(g => g.Key)
            .Select(g => new EarnerPayout(g.Key, Money.Sum(g.Where(e => e.Level == 1).Select(e => _ordersById[e.Key.OrderLineId].Order.Paid).Concat(g.Select(e => rewarded.GetValueOrDefault(e.Key.OrderLineId, Money.Zero(Currency.CNY)))), Currency.CNY), Money.Sum(g.Select(e => e.Amount), Currency.CNY)));
        return new PayoutSummary([.. earners], Money.Sum(orders.Select(o => o.Paid), Currency.CNY), Money.Sum(entries.Select(e => e.Amount), Currency.CNY));
    }

    // ── Time and labels ──

    private void Schedule(DateTimeOffset at, Action action)
    {
        var now = _clock.GetUtcNow();
        _agenda.Enqueue(action, ((at < now ? now : at).UtcTicks, _sequence++));
    }

    private void RunUntil(DateTimeOffset end)
    {
        while (_agenda.TryPeek(out _, out var when) && when.Ticks < end.UtcTicks)
        {
            var action = _agenda.Dequeue();
            _clock.MoveTo(new DateTimeOffset(when.Ticks, TimeSpan.Zero));
            action();
        }
    }

    private DateTimeOffset SomeTimeIn(DateOnly first, DateOnly next) =>
        Local(first.AddDays(_random.Next(next.DayNumber - first.DayNumber)), 9 + _random.Next(12), _random.Next(60));

    // Asia/Shanghai has been UTC+8 all year round since 1991.
    private DateOnly LastMonth => _firstDay.AddMonths(_options.Months - 1);

    private static DateTimeOffset Local(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8));

    private static string GroupId(int index) => $"lead-group-{index + 1}";

    // The sales formula's channels: bought traffic (ads) against the community's own referrals.
    private static string Channel(Person person) => person.Sponsor.IsEmpty ? "bought-traffic" : "referral";

    private static string RevenueLabel(CommunityOrder order) =>
        order.Kind == OrderKind.Product ? RevenueLabel(Enum.Parse<LadderTier>(order.LadderTier)) : MembershipLabel(order.Item);

    internal static string RevenueLabel(LadderTier tier) => tier switch
    {
        LadderTier.LeadMagnet => "Lead magnet 引流产品",
        LadderTier.Entry => "Entry 低客单价",
        LadderTier.HighTicket => "High-ticket 高客单价",
        _ => "Premium 超高客单价",
    };

    internal static string MembershipLabel(string tierId) => tierId switch
    {
        SeedBusiness.Vip => "VIP membership 会员",
        SeedBusiness.Ka => "KA membership",
        _ => "Gift pack 大礼包",
    };
}
