using System.Collections.Immutable;
using System.Globalization;
using CommunityModel.Campaigns;
using CommunityModel.Campaigns.Bootcamps;
using CommunityModel.Campaigns.FlashSales;
using CommunityModel.Campaigns.GroupBuys;
using CommunityModel.Campaigns.MarketingClasses;
using CommunityModel.Memberships;

namespace CommunityModel.Demo;

/// <summary>
/// One month of campaign plays in the demo year (seed 004): a bootcamp (训练营) early in the month, a marketing class (营销课)
/// with its same-night follow-up, a flash sale (秒杀), and a group buy (拼团) with one group that completes and one that times
/// out. Each step is put on the year's agenda at its local time; sales go through the plays, which place the community's
/// orders, so the year books them like any other order. Members are taken in a fixed order, so a seed gives the same month.
/// </summary>
internal sealed class CampaignMonth
{
    private readonly Community _community;
    private readonly TimeProvider _clock;
    private readonly Action<DateTimeOffset, Action> _schedule;
    private readonly Action<ImmutableArray<IDomainEvent>> _store;
    private readonly Func<IReadOnlyList<MemberId>> _members;
    private readonly CampaignOptions _options = new();

    // What the leader of a completed group buy earns (团长返利): 10% of the group price.
    private static readonly Money LeaderRebate = Money.Cny(99m);
    private readonly List<IPlayEvent> _events = [];
    private readonly Bootcamp _bootcamp;
    private readonly MarketingClass _class;
    private readonly FlashSale _flashSale;
    private readonly GroupBuy _groupBuy;
    private int _refusedAttribution, _soldOutRefusals;

    /// <summary>Creates the month's plays over the year's community.</summary>
    /// <param name="community">The year's community.</param>
    /// <param name="clock">The year's clock.</param>
    /// <param name="schedule">Puts an action on the year's agenda at a moment.</param>
    /// <param name="store">Stores the community's events of a play sale and books its orders.</param>
    /// <param name="members">The members who may take part now, in the order they registered.</param>
    public CampaignMonth(Community community, TimeProvider clock, Action<DateTimeOffset, Action> schedule, Action<ImmutableArray<IDomainEvent>> store, Func<IReadOnlyList<MemberId>> members)
    {
        _community = community;
        _clock = clock;
        _schedule = schedule;
        _store = store;
        _members = members;
        _bootcamp = new Bootcamp(community, _options, clock);
        _class = new MarketingClass(community, _options, clock);
        _flashSale = new FlashSale(community, _options, clock);
        _groupBuy = new GroupBuy(community, _options, clock);
    }

    /// <summary>Every play event of the month, in order: what an integrator would store.</summary>
    public IReadOnlyList<IPlayEvent> Events => _events;

    /// <summary>Puts the month's plays on the agenda.</summary>
    /// <param name="first">The month's first day.</param>
    public void Plan(DateOnly first)
    {
        var month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        // 训练营: a 99-yuan course of three evening sessions; conversion is read after it, over the configured window.
        At(first, 0, 9, 0, () => Run(() => _bootcamp.Schedule($"bootcamp-{month}", "Java 入门训练营", SeedBusiness.Bootcamp, Money.Cny(99m), ["s-1", "s-2", "s-3"])));
        At(first, 1, 10, 0, () => Each(0, 12, (m, i) => _bootcamp.Enrol(m, $"{month}-bc-{i}")));
        At(first, 3, 19, 30, () => Run(() => _bootcamp.Start()));
        for (var session = 1; session <= 3; session++)
        {
            var (s, skip) = ($"s-{session}", 5 - session); // fewer attend each evening: 3 of 4, 2 of 3, 1 of 2
            At(first, 2 + session, 20, 0, () => Enrolled(m => m.Index % skip != 0, m => _bootcamp.Attend(s, m.Member)));
        }

        At(first, 5, 21, 30, () => Run(() => _bootcamp.Finish()));

        // 营销课: live at 20:00, sales live and in the same-night follow-up; one after midnight is refused attribution.
        At(first, 9, 19, 0, () => Run(() => _class.Schedule($"class-{month}", "Java 就业公开课", SeedBusiness.OnlineCourses, Money.Cny(1680m), Local(first, 9, 20, 0))));
        At(first, 9, 20, 0, () => Run(() => _class.GoLive()));
        // The class is the bootcamp's next step (训练营 → 营销课): its buyers are bootcamp graduates, within the bootcamp's
        // conversion window, so the bootcamp converts.
        At(first, 9, 20, 40, () => Each(0, 3, (m, i) => _class.Sell(m, $"{month}-mc-{i}")));
        At(first, 9, 21, 30, () => Run(() => _class.End()));
        At(first, 9, 22, 30, () => Each(3, 2, (m, i) => _class.Sell(m, $"{month}-mc-{i}")));
        At(first, 10, 0, 30, () => Refusable(() => _class.Sell(Pick(17), $"{month}-mc-late"), ref _refusedAttribution));
        At(first, 10, 0, 40, () => Run(() => _class.Close()));

        // 秒杀: ten units at 990 for half an hour, fourteen members try.
        At(first, 13, 9, 0, () => Run(() => _flashSale.Schedule($"flash-{month}", SeedBusiness.OnlineCourses, Money.Cny(990m), Local(first, 14, 10, 0), Local(first, 14, 10, 30), stock: 10, perMemberLimit: 1)));
        At(first, 14, 10, 0, () =>
        {
            for (var i = 0; i < 14; i++)
            {
                var member = Pick(18 + i);
                Refusable(() => _flashSale.Buy(member, $"{month}-fs-{i}"), ref _soldOutRefusals);
            }
        });
        At(first, 14, 10, 30, () => Run(() => _flashSale.Close("window ended")));

        // 拼团: three at 990 within 24 hours, the leader (团长) earning a ¥99 rebate through the commission ledger when the
        // group completes; the first group fills, the second reaches two and is refunded in full (no rebate).
        At(first, 18, 9, 0, () => Run(() => _groupBuy.Schedule(new GroupBuyScheduled(
            $"groupbuy-{month}", SeedBusiness.CommunityService, Money.Cny(990m), 3, TimeSpan.FromHours(24), 1, 30, LeaderRebate, false, Local(first, 19, 0, 0), Local(first, 26, 0, 0), default))));
        At(first, 19, 10, 0, () => Run(() => _groupBuy.OpenGroup("g-1", Pick(32), $"{month}-gb-1")));
        At(first, 19, 10, 30, () => Run(() => _groupBuy.OpenGroup("g-2", Pick(35), $"{month}-gb-4")));
        At(first, 19, 11, 0, () => Run(() => _groupBuy.Join("g-1", Pick(33), $"{month}-gb-2")));
        At(first, 19, 12, 0, () => Run(() => _groupBuy.Join("g-1", Pick(34), $"{month}-gb-3")));
        At(first, 19, 13, 0, () => Run(() => _groupBuy.Join("g-2", Pick(36), $"{month}-gb-5")));
        At(first, 20, 10, 30, () => Run(() => _groupBuy.Expire("g-2")));
    }

    /// <summary>
    /// The sales behind each reward the plays paid, by reward id: a completed group's revenue is the sale its leader made
    /// (团长 brought the group together), so the leader rebate counts against it as the leader's own sales.
    /// </summary>
    /// <returns>Reward id → the sales it rewards.</returns>
    public IReadOnlyDictionary<string, Money> RewardedSales()
    {
        var sales = new Dictionary<string, Money>(StringComparer.Ordinal);
        if (_groupBuy.Id is { } play)
        {
            foreach (var group in _groupBuy.State.Groups)
            {
                if (group.Completion is { LeaderRebate.IsPositive: true } c)
                {
                    sales[$"{play}/{group.Opened.GroupId}/leader-rebate"] = c.Revenue;
                }
            }
        }

        return sales;
    }

    /// <summary>Each play's outcome, read at the end of the run.</summary>
    /// <returns>One line per play.</returns>
    public ImmutableArray<PlayOutcome> Outcomes()
    {
        var lines = ImmutableArray.CreateBuilder<PlayOutcome>();
        if (_bootcamp.Id is { } bootcamp)
        {
            var state = _bootcamp.State;
            var conversion = _bootcamp.State.Stage == BootcampStage.Finished ? _bootcamp.Conversion() : null;
            lines.Add(Line(bootcamp, PlayKind.Bootcamp, Bootcamp.Lifecycle.DisplayName(state.Stage).ToString(), state.Enrolments.Length,
                conversion is null ? "not finished" : $"conversion {conversion.Converted.Length}/{conversion.Enrolled} = {conversion.Rate.Percent.ToString("0.##", CultureInfo.InvariantCulture)}%; attendance {string.Join(" / ", state.Setup.Sessions.Select(state.AttendeesOf))}"));
        }

        if (_class.Id is { } lesson)
        {
            var state = _class.State;
            lines.Add(Line(lesson, PlayKind.MarketingClass, MarketingClass.Lifecycle.DisplayName(state.Stage).ToString(), state.Sales.Length,
                $"{state.Sales.Length - state.FollowUpSales} live + {state.FollowUpSales} same night; {_refusedAttribution} after the window not attributed"));
        }

        if (_flashSale.Id is { } flash)
        {
            var state = _flashSale.State;
            lines.Add(Line(flash, PlayKind.FlashSale, FlashSale.Lifecycle.DisplayName(state.Stage).ToString(), state.Sold,
                $"{state.Sold}/{state.Setup.Stock} sold; {_soldOutRefusals} refused"));
        }

        if (_groupBuy.Id is { } groupBuy)
        {
            foreach (var group in _groupBuy.State.Groups)
            {
                var outcome = group.Completion is { } c ? $"completed: {c.Participants} orders, {c.Revenue}, leader rebate {c.LeaderRebate} to member {group.Opened.Leader}"
                    : group.Refund is { } r ? $"timed out: {r.Refunds.Length} refunded in full, {Money.Sum(r.Refunds.Select(x => x.Amount), Currency.CNY)}"
                    : "forming";
                var orders = group.Stage == GroupBuyStage.Completed ? group.Participants.Length : 0;
                var paid = Money.Sum(group.Participants.Where(_ => orders > 0).Select(p => p.Paid), Currency.CNY);
                lines.Add(new PlayOutcome($"{groupBuy}/{group.Opened.GroupId}", PlayKinds.DisplayName(PlayKind.GroupBuy).ToString(), GroupBuy.Lifecycle.DisplayName(group.Stage).ToString(), group.Participants.Length, orders, paid, outcome));
            }
        }

        return lines.ToImmutable();
    }

    private PlayOutcome Line(string play, PlayKind kind, string stage, int participants, string result)
    {
        var orders = _community.OrdersOfPlay(play);
        return new PlayOutcome(play, PlayKinds.DisplayName(kind).ToString(), stage, participants, orders.Length, Money.Sum(orders.Select(o => o.Paid), Currency.CNY), result);
    }

    private void At(DateOnly first, int day, int hour, int minute, Action step) => _schedule(Local(first, day, hour, minute), step);

    private static DateTimeOffset Local(DateOnly first, int day, int hour, int minute) => new(first.AddDays(day).ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8));

    private MemberId Pick(int index)
    {
        var members = _members();
        return members.Count == 0 ? default : members[index % members.Count]; // the earliest first: the members and customers the year already has
    }

    private void Each(int from, int count, Func<MemberId, int, PlaySale> request)
    {
        for (var i = from; i < from + count; i++)
        {
            var member = Pick(i);
            var index = i;
            var ignored = 0;
            Refusable(() => request(member, index), ref ignored);
        }
    }

    private void Enrolled(Func<(MemberId Member, int Index), bool> attends, Func<(MemberId Member, int Index), PlaySale> attend)
    {
        foreach (var enrolled in _bootcamp.State.Enrolments.Select((e, i) => (e.Member, i)).Where(attends))
        {
            var ignored = 0;
            Refusable(() => attend(enrolled), ref ignored);
        }
    }

    // A step the play or the community may refuse (sold out, a member limit, a held member, outside the window): the refusal
    // is the play working, counted, and nothing changed.
    private void Refusable(Func<PlaySale> request, ref int refused)
    {
        try
        {
            Run(request());
        }
        catch (CommunityModelException)
        {
            refused++;
        }
    }

    private void Run(PlaySale sale)
    {
        _events.AddRange(sale.Events);
        if (!sale.CommunityEvents.IsEmpty)
        {
            _store(sale.CommunityEvents);
        }
    }

    private void Run(Func<PlaySale> request)
    {
        var ignored = 0;
        Refusable(request, ref ignored);
    }
}
