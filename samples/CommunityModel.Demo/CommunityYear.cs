using System.Collections.Immutable;
using CommunityModel.Catalog;
using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Metrics;
using CommunityModel.Onboarding;
using CommunityModel.Referrals;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Demo;

/// <summary>
/// A year (or <see cref="DemoOptions.Months"/>) of the seed business, driven through the library's own components:
/// the <see cref="ValueChain"/> moves every person, the <see cref="MembershipDesk"/> sells, renews, upgrades and refunds
/// memberships, the <see cref="OnboardingProcess"/> takes new members through the four layers, the
/// <see cref="ReferralNetwork"/> binds referrals, <see cref="MonthEnd"/> pays the plan and the <see cref="CommissionLedger"/>
/// freezes, reverses and settles it; <see cref="CommunityMetrics"/> and the <see cref="ComplianceLinter"/> read the result.
/// One <see cref="Random"/> made from the seed and a clock moved forward by the run: the same options give the same year.
/// </summary>
public sealed class CommunityYear
{
    // Monthly behaviour of the seed business (the chances a person takes a step in a month).
    private const double ProspectJoinsOnArrival = 0.60, ProspectJoinsLater = 0.15;
    private const double FanBuysTrial = 0.14, FanBuysBootcamp = 0.04, FanGoesDormant = 0.30, DormantReactivates = 0.05;
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

    private readonly DemoOptions _options;
    private readonly CommissionSetup _setup;
    private readonly DemoClock _clock;
    private readonly Random _random;
    private readonly ValueChain _chain;
    private readonly OnboardingProcess _onboarding;
    private readonly MembershipDesk _desk;
    private readonly ProductCatalog _catalog;
    private readonly ReferralNetwork _network;
    private readonly CommissionLedger _ledger;
    private readonly MonthEnd _monthEnd;
    private readonly List<Person> _people = [];
    private readonly List<IDomainEvent> _events = [];
    private readonly PriorityQueue<Action, (long Ticks, long Sequence)> _agenda = new();
    private readonly List<(CommissionableOrder Order, DateTimeOffset PaidAt)> _monthOrders = [];
    private readonly List<(string OrderLine, string RefundId, MemberId Buyer, Money Amount)> _monthRefunds = [];
    private readonly Dictionary<string, (CommissionableOrder Order, int Month)> _ordersById = new(StringComparer.Ordinal);
    private readonly List<MemberRanks> _ranksByMonth = [];
    private readonly long[] _linesByKind = new long[Enum.GetValues<CommissionRuleKind>().Length];
    private readonly Money[] _paidByKind = [.. Enum.GetValues<CommissionRuleKind>().Select(_ => Money.Zero(Currency.CNY))];
    private readonly IProgress<CommissionRunProgress>? _runProgress;
    private CommissionRunResult? _lastRun;
    private readonly List<MonthLine> _months = [];
    private readonly List<int> _leadGroups = [];
    private readonly SortedSet<long> _earners = [];
    private readonly Dictionary<string, Money> _paidInRun = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Orders, Money Amount)> _revenue = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _membershipMoves = new(StringComparer.Ordinal);
    private readonly DateOnly _firstDay;
    private long _sequence, _orderNumber, _refundNumber, _withdrawalNumber;
    private bool _recording;
    private int _ordersPaid, _bought, _referred, _existing, _nicknameRefusals, _upgrades, _refunds;
    private int _monthArrivals, _monthNewCustomers, _monthNewMembers;
    private Money _totalBase = Money.Zero(Currency.CNY), _totalCommission = Money.Zero(Currency.CNY);
    private Money _refunded = Money.Zero(Currency.CNY), _paidOut = Money.Zero(Currency.CNY), _monthRevenue = Money.Zero(Currency.CNY), _monthPaidOut = Money.Zero(Currency.CNY);

    private CommunityYear(DemoOptions options, CommissionSetup setup, IProgress<CommissionRunProgress>? runProgress)
    {
        _runProgress = runProgress;
        _options = options;
        _setup = setup;
        _firstDay = new DateOnly(options.StartYear, 1, 1);
        _clock = new DemoClock(Local(_firstDay.AddYears(-1), 0, 0));
        _random = new Random(options.Seed);
        _chain = new ValueChain(new ValueChainOptions(), _clock);
        _onboarding = new OnboardingProcess(new OnboardingOptions(), _clock);
        var plan = SeedBusiness.CreatePlan();
        _catalog = plan.Catalog;
        _desk = new MembershipDesk(plan, _clock);
        _network = new ReferralNetwork(new ReferralOptions(), _clock);
        _ledger = new CommissionLedger(setup.Ledger, _clock);
        _monthEnd = new MonthEnd(setup);
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

    // ── Before the run: the founders and last year's members, whose renewals fall in the run ──

    private void LastYear()
    {
        var start = _clock.GetUtcNow();
        for (var i = 0; i < Founders; i++)
        {
            var founder = Register(default, LifecycleStage.Partner);
            founder.HasPaid = true;
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
                var person = Register(sponsor.Id, LifecycleStage.Prospect);
                BuyMembership(person, tier, refundable: false);
            });
        }

        RunUntil(Local(_firstDay, 0, 0));
        _recording = true;
    }

    // ── One month ──

    private void RunMonth(int month)
    {
        var first = _firstDay.AddMonths(month);
        var next = first.AddMonths(1);
        _monthArrivals = _monthNewCustomers = _monthNewMembers = 0;
        _monthRevenue = _monthPaidOut = Money.Zero(Currency.CNY);

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

        if (month == Math.Min(_options.Months - 1, 5))
        {
            Schedule(Local(first, 9, 0), MakeSureOfAnUpgradeAndARefund);
        }

        RunUntil(Local(next, 0, 0).AddHours(-1));
        _clock.MoveTo(Local(next, 0, 0).AddHours(-1));
        CloseMonth(first);
    }

    private void PlanMonthOf(Person person, DateOnly first, DateOnly next, DateTimeOffset classDay)
    {
        var roll = _random.NextDouble();
        var when = SomeTimeIn(first, next);
        switch (person.Stage.Stage)
        {
            case LifecycleStage.Prospect when roll < ProspectJoinsLater:
                Schedule(when, () => JoinLeadGroup(person));
                break;
            case LifecycleStage.Fan:
                if (roll < FanBuysTrial)
                {
                    Schedule(when, () => BuyProduct(person, SeedBusiness.TrialClass));
                }
                else if (roll < FanBuysTrial + FanBuysBootcamp)
                {
                    Schedule(when, () => BuyProduct(person, SeedBusiness.Bootcamp));
                }
                else if (roll < FanBuysTrial + FanBuysBootcamp + FanGoesDormant)
                {
                    Schedule(when, () => Fire(person, LifecycleTrigger.WentDormant, facts: new LifecycleFacts(LastActiveAt: person.LastActiveAt)));
                }

                break;
            case LifecycleStage.Dormant when roll < DormantReactivates:
                Schedule(when, () => Fire(person, LifecycleTrigger.Reactivated));
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
                    Schedule(when, () => BuyProduct(person, SeedBusiness.Bootcamp));
                }
                else if ((roll -= CustomerBuysBootcamp) < CustomerBuysOfflineCourse)
                {
                    Schedule(when, () => BuyProduct(person, SeedBusiness.OfflineCourse));
                }

                break;
            case LifecycleStage.Member or LifecycleStage.Partner:
                PlanMemberMonth(person, roll, when);
                break;
            case LifecycleStage.Lapsed when roll < LapsedRenews:
                Schedule(when, () => RenewLate(person));
                break;
        }

        var refers = person.Stage.Stage switch
        {
            LifecycleStage.Customer => CustomerRefers,
            LifecycleStage.Member => person.Membership is { IsPromoter: true } ? PromoterRefers : MemberRefers,
            LifecycleStage.Partner => PartnerRefers,
            _ => 0,
        };
        if (_random.NextDouble() < refers)
        {
            Schedule(SomeTimeIn(first, next), () => Arrive(person.Id));
        }

        if (person.LeadGroup >= 0 && person.Stage.Stage is LifecycleStage.Fan or LifecycleStage.Customer && _random.NextDouble() < Attends)
        {
            Schedule(classDay, () =>
            {
                person.LastActiveAt = _clock.GetUtcNow();
                _events.Add(new AttendanceRecorded(person.Id, PublicClass, GroupId(person.LeadGroup), _clock.GetUtcNow()));
            });
        }
    }

    private void PlanMemberMonth(Person person, double roll, DateTimeOffset when)
    {
        switch (person.Membership)
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
                    Schedule(when, () => BuyProduct(person, SeedBusiness.BackEndCapital));
                }

                break;
            case { Status: MembershipStatus.Active, TierId: SeedBusiness.Ka }:
                if (roll < KaAttendsBackEndCourse)
                {
                    Schedule(when, () => Attend(person, roll < KaAttendsBackEndCourse / 2 ? SeedBusiness.BackEndCapital : SeedBusiness.BackEndOperations));
                }

                Schedule(when, () => QualifyAsPartner(person));
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

        if (_refunds == 0 && !ActiveVips().Any(p => Refund(p, p.MembershipOrderLine)))
        {
            var founder = FounderWithAVipCard();
            Refund(founder, founder.MembershipOrderLine);
        }
    }

    private IEnumerable<Person> ActiveVips() =>
        _people.Where(p => p is { Membership: { Status: MembershipStatus.Active, TierId: SeedBusiness.Vip } } && p.Membership.PaidThrough > _desk.Today.AddDays(1)).ToList();

    private Person FounderWithAVipCard()
    {
        var founder = _people.Take(Founders).First(p => !p.IsActiveMember);
        BuyMembership(founder, SeedBusiness.Vip, refundable: false);
        return founder;
    }

    // ── What people do ──

    private Person Register(MemberId sponsor, LifecycleStage stage)
    {
        var id = new MemberId(_people.Count + 1);
        _events.Add(_network.Register(id, sponsor));
        var start = _chain.Start(id, stage);
        _events.Add(start.Event);
        var person = new Person(id, sponsor, start.State) { LastActiveAt = _clock.GetUtcNow() };
        _people.Add(person);
        return person;
    }

    private void Arrive(MemberId sponsor)
    {
        var person = Register(sponsor, LifecycleStage.Prospect);
        _monthArrivals++;
        if (sponsor.IsEmpty)
        {
            _bought++;
        }
        else
        {
            _referred++;
            _events.Add(new ReferralRecorded(sponsor, person.Id, _clock.GetUtcNow()));
        }

        _events.Add(new TrafficRecorded(Channel(person), 1, _clock.GetUtcNow()));

        if (_random.NextDouble() < ProspectJoinsOnArrival)
        {
            JoinLeadGroup(person);
        }
    }

    private void JoinLeadGroup(Person person)
    {
        if (person.Stage.Stage != LifecycleStage.Prospect || !Fire(person, LifecycleTrigger.JoinedLeadGroup))
        {
            return;
        }

        if (_leadGroups.Count == 0 || _leadGroups[^1] >= LeadGroupCapacity)
        {
            _leadGroups.Add(0);
        }

        _leadGroups[^1]++;
        person.LeadGroup = _leadGroups.Count - 1;
    }

    private void BuyProduct(Person person, string productId)
    {
        var product = _catalog[productId];
        Order(person, product.Price, productId, product.Tier.ToString(), "product", RevenueLabel(product.Tier));
        if (person.Stage.Stage is LifecycleStage.Prospect or LifecycleStage.Fan or LifecycleStage.Dormant)
        {
            Fire(person, LifecycleTrigger.MadeFirstPurchase);
        }
    }

    private void BuyMembership(Person person, string tierId, bool refundable)
    {
        if (person.IsActiveMember)
        {
            return;
        }

        var change = _desk.Purchase(person.Id, tierId, person.Membership);
        Apply(person, change);
        MembershipOrder(person, change.Events.OfType<MembershipPurchased>().Single().Paid, tierId);
        ScheduleTermEnd(person);
        if (person.Onboarding is null && _recording)
        {
            person.Onboarding = Record(_onboarding.Start(person.Id)).State;
            Schedule(_clock.GetUtcNow().AddHours(2), () => Onboard(person));
        }

        if (refundable && _random.NextDouble() < RefundsVip)
        {
            var line = person.MembershipOrderLine;
            Schedule(_clock.GetUtcNow().AddDays(1 + _random.Next(6)), () => Refund(person, line));
        }
    }

    private bool Upgrade(Person person, string tierId)
    {
        if (!person.IsActiveMember)
        {
            return false;
        }

        var paidThrough = person.Membership!.PaidThrough;
        var attempt = _desk.TryUpgrade(person.Membership, tierId);
        if (!attempt.Succeeded)
        {
            return false;
        }

        Apply(person, attempt.Change!);
        var charged = attempt.Change!.Events.OfType<MembershipUpgraded>().Single().Charged;
        if (charged.IsPositive)
        {
            MembershipOrder(person, charged, tierId);
        }

        if (person.Membership.PaidThrough != paidThrough)
        {
            ScheduleTermEnd(person);
        }

        QualifyAsPartner(person);
        return true;
    }

    private void Attend(Person person, string productId)
    {
        if (person.IsActiveMember)
        {
            var attempt = _desk.TryConsume(person.Membership!, productId, $"attendance-{person.Id}-{_clock.GetUtcNow():yyyyMMdd}");
            if (attempt.Succeeded)
            {
                Apply(person, attempt.Change!);
                person.LastActiveAt = _clock.GetUtcNow();
            }
        }
    }

    private void QualifyAsPartner(Person person)
    {
        if (person.Stage.Stage == LifecycleStage.Member && person.Membership is { Status: MembershipStatus.Active, TierId: SeedBusiness.Ka })
        {
            Fire(person, LifecycleTrigger.QualifiedAsPartner, facts: new LifecycleFacts(SuccessfulReferrals: person.SuccessfulReferrals, HoldsActiveKa: true));
        }
    }

    private void ScheduleTermEnd(Person person)
    {
        var paidThrough = person.Membership!.PaidThrough;
        var decideOn = paidThrough.AddDays(-1 - _random.Next(14));
        Schedule(Local(decideOn, 10, 0), () =>
        {
            if (person.IsActiveMember && person.Membership!.PaidThrough == paidThrough && _random.NextDouble() < RenewsAtTermEnd)
            {
                Renew(person);
            }
        });
        Schedule(Local(paidThrough, 0, 10), () =>
        {
            if (person.IsActiveMember && person.Membership!.PaidThrough == paidThrough)
            {
                Apply(person, _desk.Refresh(person.Membership));
            }
        });
    }

    private void RenewLate(Person person)
    {
        if (person.Membership is { Status: MembershipStatus.Expired })
        {
            Renew(person);
        }
    }

    // Early, inside the grace or (lapsed) later: the desk decides where the new term starts.
    private void Renew(Person person)
    {
        var change = _desk.Renew(person.Membership!);
        Apply(person, change);
        MembershipOrder(person, change.Events.OfType<MembershipRenewed>().Single().Paid, person.Membership!.TierId);
        ScheduleTermEnd(person);
    }

    private void MembershipOrder(Person person, Money paid, string tierId) =>
        person.MembershipOrderLine = Order(person, paid, tierId, TierLabel(tierId), "membership", MembershipLabel(tierId));

    private bool Refund(Person person, string? orderLine)
    {
        if (!person.IsActiveMember || person.MembershipOrderLine != orderLine)
        {
            return false;   // renewed, upgraded or ended since: this refund is no longer asked for
        }

        var change = _desk.Refund(person.Membership!);
        Apply(person, change);
        var amount = change.Events.OfType<MembershipRefunded>().Single().Amount;
        _refunded += amount;
        if (orderLine is not null && amount.IsPositive)
        {
            // The ledger reverses in proportion to the order line's payment, never beyond it (a refund may also return
            // credit carried from an earlier payment). Orders from before the run were never paid commission here.
            if (_paidInRun.TryGetValue(orderLine, out var paid))
            {
                _monthRefunds.Add((orderLine, $"refund-{++_refundNumber:D5}", person.Id, amount > paid ? paid : amount));
            }
        }

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

    // ── The library's events, fed from one capability to the next ──

    private Transition<OnboardingState, OnboardingStepCompleted> Record(Transition<OnboardingState, OnboardingStepCompleted> step)
    {
        _events.Add(step.Event);
        return step;
    }

    private bool Fire(Person person, LifecycleTrigger trigger, string? reason = null, LifecycleFacts facts = default)
    {
        var attempt = _chain.TryFire(person.Stage, trigger, reason, facts);
        if (!attempt.Succeeded)
        {
            return false;
        }

        person.Stage = attempt.Transition.State;
        _events.Add(attempt.Transition.Event);
        return true;
    }

    // The memberships capability's events mapped to value-chain triggers, as docs/lifecycle.md tabulates them.
    private void Apply(Person person, MembershipChange change)
    {
        person.Membership = change.Membership;
        foreach (var e in change.Events)
        {
            _events.Add(e);
            switch (e)
            {
                case MembershipPurchased p:
                    Move(p.TierId, 0);
                    _monthNewMembers += _recording ? 1 : 0;
                    Fire(person, p.TierId == SeedBusiness.GiftPackTier ? LifecycleTrigger.BoughtGiftPack : LifecycleTrigger.BoughtMembership);
                    break;
                case MembershipRenewed r:
                    Move(r.TierId, 1);
                    Fire(person, LifecycleTrigger.MembershipRenewed);
                    break;
                case MembershipUpgraded u:
                    Move(u.ToTierId, 2);
                    _upgrades++;
                    Fire(person, LifecycleTrigger.BoughtMembership);
                    break;
                case MembershipRefunded r:
                    Move(r.TierId, 3);
                    _refunds++;
                    if (person.Stage.Stage == LifecycleStage.Partner)
                    {
                        Fire(person, LifecycleTrigger.PartnershipEnded, "membership refunded");
                    }

                    Fire(person, LifecycleTrigger.MembershipRefunded, $"{r.TierId} refunded ({r.Basis})");
                    break;
                case MembershipExpired x:
                    Move(x.TierId, 4);
                    Fire(person, LifecycleTrigger.MembershipExpired, $"{x.TierId} ended {x.EndedOn:yyyy-MM-dd}");
                    break;
            }
        }
    }

    private void Move(string tierId, int column)
    {
        if (_recording)
        {
            if (!_membershipMoves.TryGetValue(tierId, out var moves))
            {
                _membershipMoves[tierId] = moves = new int[5];
            }

            moves[column]++;
        }
    }

    private string Order(Person person, Money amount, string productId, string ladderTier, string kind, string revenueLabel)
    {
        var line = $"order-{++_orderNumber:D6}";
        var now = _clock.GetUtcNow();
        person.LastActiveAt = now;
        if (!person.HasPaid)
        {
            person.HasPaid = true;
            _monthNewCustomers += _recording ? 1 : 0;
            if (!person.Sponsor.IsEmpty)
            {
                _people[(int)person.Sponsor.Value - 1].SuccessfulReferrals++;
            }
        }

        if (_network.RecordCommissionableOrder(person.Id) is { } locked)
        {
            _events.Add(locked);
        }

        // The desk's own membership events are the metrics' membership sales; only catalog products are recorded here.
        if (kind != "membership")
        {
            _events.Add(new PurchaseMade(person.Id, amount, Channel(person), now));
        }

        if (_recording)
        {
            _monthOrders.Add((new CommissionableOrder(line, person.Id, amount) { ProductId = productId, LadderTier = ladderTier, Kind = kind, PaidAt = now }, now));
            _paidInRun.Add(line, amount);
            var (orders, sum) = _revenue.TryGetValue(revenueLabel, out var r) ? r : (0, Money.Zero(Currency.CNY));
            _revenue[revenueLabel] = (orders + 1, sum + amount);
            _monthRevenue += amount;
        }

        return line;
    }

    // ── Month end: commissions, refunds, settlement ──

    private void CloseMonth(DateOnly first)
    {
        var network = _network.Snapshot();
        // Refunds recorded this month take volume back before ranks are qualified; the ledger reverses their commission below.
        // The run accrues straight into the ledger, each order's freeze period from the moment it was paid.
        // Members bound during the month after an order of theirs do not move its commission: the run pays each order on
        // the upline its buyer had when it was paid, from the network's own binding history.
        var since = _monthOrders.Count == 0 ? _clock.GetUtcNow() : _monthOrders.Min(o => o.PaidAt);
        var close = _monthEnd.Close([.. _monthOrders.Select(o => o.Order)], network, _ledger, _clock.GetUtcNow(), [.. _monthRefunds.Select(r => VolumeEntry.Refund(r.Buyer, r.Amount))], _runProgress, _network.SponsorChangesSince(since));
        var run = close.Run;
        _lastRun = run;
        _ranksByMonth.Add(run.Ranks);
        foreach (var (order, _) in _monthOrders)
        {
            _ordersById.Add(order.OrderLineId, (order, _ranksByMonth.Count - 1));
        }

        _events.AddRange(close.Events);
        foreach (var accrued in close.Events.OfType<CommissionAccrued>())
        {
            _earners.Add(accrued.Key.Beneficiary.Value);
        }

        foreach (var kind in Enum.GetValues<CommissionRuleKind>())
        {
            _linesByKind[(int)kind] += close.LinesByKind[(int)kind];
            _paidByKind[(int)kind] += run.TotalPaidFor(kind);
        }

        _totalBase += run.TotalBase;
        _totalCommission += run.TotalPaid;
        _ordersPaid += run.OrderCount;
        var commission = run.TotalPaid;

        foreach (var (orderLine, refundId, _, amount) in _monthRefunds)
        {
            // An order nobody earned on (a buyer without a sponsor) reverses nothing: the refund is kept, awaiting an accrual that never comes.
            _events.AddRange(_ledger.Refund(orderLine, refundId, amount).Events);
        }

        foreach (var earner in _earners)
        {
            var available = _ledger.BalanceOf(earner).Available;
            if (available.IsPositive && available >= _setup.Ledger.MinimumWithdrawal)
            {
                var request = _ledger.TryRequestWithdrawal($"withdrawal-{++_withdrawalNumber:D6}", earner, available);
                if (request.Succeeded)
                {
                    _events.Add(request.Event!);
                    _events.Add(_ledger.MarkWithdrawalPaid(request.Event!.WithdrawalId));
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

        _months.Add(new MonthLine(first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), _monthArrivals, _monthNewCustomers, _monthNewMembers, _monthRevenue, commission, _monthPaidOut, network.Count, depth, network.Count - run.Ranks.CountByLevel()[0]));
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
        var funnel = metrics.Funnel(_events, period);
        var measures = metrics.Compute(_events, period, MetricSet.Sales | MetricSet.Aarrr);

        // A term's renewal is known only once its grace has passed: renewals of the terms that ended early enough.
        var renewalEnd = period.End.AddDays(-metricsGraceDays);
        var renewals = renewalEnd > period.Start ? metrics.Renewals(_events, new MetricsPeriod(period.Start, renewalEnd)) : null;

        var groups = _leadGroups.Select((members, i) => new LeadGroup(GroupId(i), members)).Where(g => g.Members > 0).ToList();
        var participation = groups.Count == 0 ? null : ActivityParticipation.Compute(PublicClass, groups, _events);
        var leadGroups = groups.Select((g, i) =>
        {
            var p = participation!.Groups.Single(x => x.GroupId == g.GroupId);
            var customers = _people.Count(x => x.LeadGroup >= 0 && GroupId(x.LeadGroup) == g.GroupId && x.HasPaid);
            return new LeadGroupLine(g.GroupId, (int)g.Members, p.Attendees, p.Rate, customers);
        }).ToImmutableArray();

        // The catalog's ladder, cheapest rung first, then the memberships with what a term costs.
        var offers = _catalog.Ladder.Select(step => (RevenueLabel(step.Tier), string.Join(", ", step.Products.Select(p => $"{p.Name} {p.Price}"))))
            .Concat(new[] { SeedBusiness.GiftPackTier, SeedBusiness.Vip, SeedBusiness.Ka }.Select(t => (MembershipLabel(t), $"{_desk.Plan[t].Price} / {_desk.Plan[t].TermMonths} months")));
        var revenue = offers.Select(o => _revenue.TryGetValue(o.Item1, out var r) ? new RevenueLine(o.Item1, o.Item2, r.Orders, r.Amount) : new RevenueLine(o.Item1, o.Item2, 0, Money.Zero(Currency.CNY))).ToImmutableArray();

        var memberships = new[] { SeedBusiness.GiftPackTier, SeedBusiness.Vip, SeedBusiness.Ka }.Select(t =>
        {
            var m = _membershipMoves.TryGetValue(t, out var moves) ? moves : new int[5];
            return new MembershipLine(t, m[0], m[1], m[2], m[3], m[4], _people.Count(p => p.Membership is { Status: MembershipStatus.Active } ms && ms.TierId == t));
        }).ToImmutableArray();

        var onboardings = _people.Where(p => p.Onboarding is not null).Select(p => p.Onboarding!).ToList();
        var onboarding = new OnboardingSummary(onboardings.Count, onboardings.Count(o => o.IsCompleted), _onboarding.Stalled(onboardings).Length, _nicknameRefusals);

        // By rule: the ledger's entries (every line above zero, as accrued); by kind: the runs' totals and lines.
        var balances = _earners.Select(e => (Member: new MemberId(e), Balance: _ledger.BalanceOf(e), Entries: _ledger.EntriesOf(e))).ToList();
        var entries = balances.SelectMany(b => b.Entries).ToList();
        var byRule = entries.GroupBy(e => e.Key.Rule, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RuleLine(g.Key, g.Count(), Money.Sum(g.Select(e => e.Amount), Currency.CNY))).ToImmutableArray();
        var top = balances.OrderByDescending(b => b.Balance.NetEarned.MinorUnits).ThenBy(b => b.Member.Value).Take(5)
            .Select(b => new TopEarner(b.Member, _people[(int)b.Member.Value - 1].Stage.Stage, b.Balance.NetEarned, Money.Sum(b.Entries.Select(e => e.Reversed), Currency.CNY), b.Entries)
            {
                Explained = ExplainFirstOrders(b.Member, b.Entries),
                Rank = _lastRun?.ExplainRank(b.Member),
            })
            .ToImmutableArray();
        var byKind = Enum.GetValues<CommissionRuleKind>().Where(k => _linesByKind[(int)k] > 0)
            .Select(k => new KindLine(k, (int)_linesByKind[(int)k], _paidByKind[(int)k])).ToImmutableArray();
        var ranksAtEnd = _lastRun is { } last
            ? [.. last.Plan.Ladder.Ranks.Reverse().Select(r => new RankCount(r, last.Ranks.CountByLevel()[r.Level]))]
            : ImmutableArray<RankCount>.Empty;

        var profiles = _setup.Linter.Profiles.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var summary = Payouts(entries);
        return new YearReport
        {
            Options = _options,
            PlanName = _setup.Plan.Name,
            PlanSource = _setup.Source,
            Period = period,
            ExistingMembers = Founders + _existing,
            BoughtProspects = _bought,
            ReferredProspects = _referred,
            Funnel = funnel,
            Sales = measures.Sales!,
            Aarrr = measures.Aarrr!,
            Renewals = renewals,
            StagesAtEnd = [.. Enum.GetValues<LifecycleStage>().Select(s => new StageCount(s, _people.Count(p => p.Stage.Stage == s)))],
            LeadGroups = leadGroups,
            Revenue = revenue,
            Refunded = _refunded,
            Memberships = memberships,
            Onboarding = onboarding,
            Months = [.. _months],
            OrdersPaid = _ordersPaid,
            TotalBase = _totalBase,
            TotalCommission = _totalCommission,
            CommissionByRule = byRule,
            CommissionByKind = byKind,
            RanksAtEnd = ranksAtEnd,
            CommissionReversed = Money.Sum(balances.SelectMany(b => b.Entries).Select(e => e.Reversed), Currency.CNY),
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
        };
    }

    // The first few orders a top earner was paid on, explained on demand by the calculator over the ranks of the month they were paid in.
    private ImmutableArray<ExplainedLine> ExplainFirstOrders(MemberId member, ImmutableArray<LedgerEntry> entries)
    {
        var calculator = new CommissionCalculator(_setup.Plan);
        var explained = ImmutableArray.CreateBuilder<ExplainedLine>();
        foreach (var orderLine in entries.Select(e => e.Key.OrderLineId).Distinct().Take(ExplainedOrdersPerEarner))
        {
            var (order, month) = _ordersById[orderLine];
            var commission = calculator.Calculate(order, _ranksByMonth[month]);
            explained.AddRange(commission.Lines.Where(l => l.Beneficiary == member && l.Amount.IsPositive).Select(l => new ExplainedLine(l, commission.Buyer)));
        }

        return explained.ToImmutable();
    }

    // What the compliance profiles check: everyone's commission (as accrued) against sales, and each earner's own sales
    // (the order lines it earned level 1 on).
    private PayoutSummary Payouts(List<LedgerEntry> entries)
    {
        var earners = entries.GroupBy(e => e.Key.Beneficiary).OrderBy(g => g.Key)
            .Select(g => new EarnerPayout(g.Key, Money.Sum(g.Where(e => e.Level == 1).Select(e => _ordersById[e.Key.OrderLineId].Order.AmountPaid), Currency.CNY), Money.Sum(g.Select(e => e.Amount), Currency.CNY)));
        return new PayoutSummary([.. earners], Money.Sum(_ordersById.Values.Select(o => o.Order.AmountPaid), Currency.CNY), Money.Sum(entries.Select(e => e.Amount), Currency.CNY));
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
    private static DateTimeOffset Local(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8));

    private static string GroupId(int index) => $"lead-group-{index + 1}";

    // The sales formula's channels: bought traffic (ads) against the community's own referrals.
    private static string Channel(Person person) => person.Sponsor.IsEmpty ? "bought-traffic" : "referral";

    private static string TierLabel(string tierId) => tierId switch
    {
        SeedBusiness.Vip => "VIP",
        SeedBusiness.Ka => "KA",
        _ => "GiftPack",
    };

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
