using System.Collections.Immutable;
using CommunityModel.Calendar;
using CommunityModel.Campaigns;
using CommunityModel.Metrics;
using CommunityModel.Organisation;
using CommunityModel.Roles;

namespace CommunityModel.Demo;

/// <summary>
/// The operating rhythm of the year beside the sales: the organisation (组织机构: each lead group is a class of two
/// squads, its first fan the class monitor 班长, each squad's first its group leader 组长), the work pipeline (the
/// founders as promoters, one trainer 培训师, one manager 管理员; each fan's care team recorded in the community, so the
/// fan's orders carry it), and the last month's activity calendar, reviewed (复盘).
/// </summary>
internal sealed class OperatingRhythm
{
    /// <summary>How long after a class an attendee's order is still the class's: a week, the demo's choice.</summary>
    public static readonly TimeSpan AttributionWindow = TimeSpan.FromDays(7);

    private const string LeadGroupPrefix = "lead-group-";

    private readonly CommunityModel.Organisation.Organisation _organisation;
    private readonly List<IOrganisationEvent> _events = [];
    private readonly HashSet<string> _founded = new(StringComparer.Ordinal);
    private readonly HashSet<string> _led = new(StringComparer.Ordinal);
    private readonly List<MemberId> _founders = [];

    public OperatingRhythm(TimeProvider clock) => _organisation = new CommunityModel.Organisation.Organisation(new OrganisationOptions(), clock);

    /// <summary>The organisation's events, in order.</summary>
    public IReadOnlyList<IOrganisationEvent> Events => _events;

    /// <summary>The trainer (培训师) every fan is trained by.</summary>
    public MemberId Trainer => _founders.Count > 1 ? _founders[1] : default;

    /// <summary>The manager (管理员) every fan is looked after by.</summary>
    public MemberId Manager => _founders.Count > 2 ? _founders[2] : default;

    /// <summary>The class a lead group is.</summary>
    public static string ClassOf(int leadGroup) => $"class-{leadGroup + 1}";

    /// <summary>The commands that give the founders their roles: every founder a promoter, the second the trainer, the third the manager.</summary>
    public IEnumerable<CommunityCommand> Staff(IEnumerable<MemberId> founders)
    {
        _founders.AddRange(founders);
        foreach (var founder in _founders)
        {
            yield return new GrantWorkRole(founder, WorkRole.Promoter);
        }

        yield return new GrantWorkRole(Trainer, WorkRole.Trainer);
        yield return new GrantWorkRole(Manager, WorkRole.Manager);
    }

    /// <summary>
    /// A fan joined lead group <paramref name="leadGroup"/>: the fan joins its class's squad (the class founded when its
    /// first fan comes), and the commands recording the fan's care team: the sponsor who recruited them when a
    /// promoter, the trainer, the manager.
    /// </summary>
    public IEnumerable<CommunityCommand> Joined(MemberId member, MemberId sponsor, int leadGroup)
    {
        var cls = ClassOf(leadGroup);
        if (_founded.Add(cls))
        {
            _events.Add(_organisation.FoundGroup(cls, GroupKind.Class, CommunityModel.Organisation.Organisation.Headquarters, $"{leadGroup + 1}班"));
            _events.Add(_organisation.FoundGroup(cls + "-a", GroupKind.Squad, cls, "一组"));
            _events.Add(_organisation.FoundGroup(cls + "-b", GroupKind.Squad, cls, "二组"));
        }

        var squad = cls + (member.Value % 2 == 0 ? "-a" : "-b");
        _events.Add(_organisation.Join(member, squad));
        if (_led.Add(squad))
        {
            _events.AddRange(_organisation.Appoint(squad, member, "first to join"));
        }

        if (_led.Add(cls))
        {
            _events.AddRange(_organisation.Appoint(cls, member, "first to join"));
        }

        var commands = new List<CommunityCommand>();
        if (_founders.Contains(sponsor))
        {
            commands.Add(new AssignCare(member, WorkRole.Promoter, sponsor));
        }

        if (!Trainer.IsEmpty && member != Trainer)
        {
            commands.Add(new AssignCare(member, WorkRole.Trainer, Trainer));
        }

        if (!Manager.IsEmpty && member != Manager)
        {
            commands.Add(new AssignCare(member, WorkRole.Manager, Manager));
        }

        return commands;
    }

    /// <summary>
    /// The month's calendar, reviewed: per class the month's public class as a marketing class (营销课) run by the class
    /// monitor, a survey (社群表单) in the first week, a bootcamp (训练营) run by the trainer and a flash sale (秒杀) run by
    /// the manager. The year's public-class attendance is each class's marketing class; a fan with no paid order before
    /// the class is a lead (意向客户).
    /// </summary>
    public CalendarReview Review(DateOnly first, DateTimeOffset classDay, string publicClass, IReadOnlyList<IDomainEvent> events)
    {
        var offset = classDay.Offset;
        DateTimeOffset At(int day, int hour) => new(first.Year, first.Month, day, hour, 0, 0, offset);
        var activities = new List<PlannedActivity>();
        var classes = _organisation.Groups.Where(g => g.Kind == GroupKind.Class).ToList();
        foreach (var (cls, i) in classes.Select((c, i) => (c, i)))
        {
            var monitor = cls.Leader ?? Trainer;
            activities.Add(new PlannedActivity($"survey-{cls.Id}", cls.Id, PlayKind.Survey, monitor, "学习需求调研", At(7, 19), At(7, 21)));
            activities.Add(new PlannedActivity($"mc-{cls.Id}", cls.Id, PlayKind.MarketingClass, monitor, "公开课 · 营销课", classDay, classDay.AddMinutes(90)));
            activities.Add(new PlannedActivity($"camp-{cls.Id}", cls.Id, PlayKind.Bootcamp, Trainer, "五天训练营", At(16 + (i % 7), 20), At(16 + (i % 7), 22)));
            activities.Add(new PlannedActivity($"flash-{cls.Id}", cls.Id, PlayKind.FlashSale, Manager, "周末秒杀", At(27, 20), At(27, 20).AddMinutes(30)));
        }

        var plan = ActivityPlan.Create(first.Year, first.Month, classes.Select(c => c.Id), activities, new CalendarOptions { AttributionWindow = AttributionWindow, UtcOffset = offset });
        var paidBefore = new HashSet<MemberId>();
        var facts = new List<IDomainEvent>();
        foreach (var e in events)
        {
            switch (e)
            {
                case ProductPurchased p when p.OccurredAt < classDay:
                    paidBefore.Add(p.Member);
                    break;
                case Memberships.MembershipPurchased m when m.OccurredAt < classDay:
                    paidBefore.Add(m.MemberId);
                    break;
                case AttendanceRecorded a when a.ActivityId == publicClass && a.OccurredAt >= classDay && a.OccurredAt < classDay.AddMinutes(90) && a.GroupId.StartsWith(LeadGroupPrefix, StringComparison.Ordinal):
                    var cls = "class-" + a.GroupId[LeadGroupPrefix.Length..]; // lead-group-3 is class-3
                    facts.Add(a with { ActivityId = $"mc-{cls}", GroupId = cls });
                    if (!paidBefore.Contains(a.Member))
                    {
                        facts.Add(new LeadFlagged(a.Member, $"mc-{cls}", "a fan at the class", a.OccurredAt));
                    }

                    continue;
            }

            facts.Add(e);
        }

        return ActivityCalendar.Review(plan, _events, facts);
    }

    /// <summary>The care teams at the end: customers with a full team, and the orders that carried roles.</summary>
    public static CareTeamSummary Carried(Community community)
    {
        var customers = 0;
        var orders = 0;
        var revenue = Money.Zero(Currency.CNY);
        foreach (var member in community.Members)
        {
            if (member.CareTeam.Length == 3)
            {
                customers++;
            }

            foreach (var order in community.OrdersOf(member.Id).Where(o => !o.Roles.IsEmpty))
            {
                orders++;
                revenue += order.Paid;
            }
        }

        return new CareTeamSummary(customers, orders, revenue);
    }
}
