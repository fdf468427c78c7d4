using CommunityModel.Memberships;
using static CommunityModel.Simulation.SimulatedPerson;

namespace CommunityModel.Simulation;

/// <summary>
/// One side of a growth simulation: drives its <see cref="Community"/> with the people's decisions and totals the
/// money from the events the community returns. The self-cycle side also sells memberships and takes referrals; the
/// traditional side sells only the products.
/// </summary>
internal sealed class FunnelSide(Community community, GrowthSimulationOptions options, bool selfCycle)
{
    private readonly Dictionary<MemberId, Standing> _people = [];
    private readonly List<(SimulatedPerson Person, string OrderId, Decision Refund)> _monthOrders = [];
    private readonly Currency _currency = community.Catalog!.Currency;
    private long _orders;
    private Money _revenue = Money.Zero(community.Catalog!.Currency);
    private Money _refunds = Money.Zero(community.Catalog!.Currency);
    private Money _commissions = Money.Zero(community.Catalog!.Currency);
    private int _month;

    /// <summary>A newcomer arrives: takes the lead product and joins, or is lost (and never registered).</summary>
    public bool Arrive(SimulatedPerson person)
    {
        if (!person.Takes(Decision.TakeLeadProduct, options.LeadProductRate))
        {
            return false;
        }

        Execute(new RegisterMember(person.Id, selfCycle ? person.Sponsor : default));
        _people[person.Id] = new Standing();
        Order(person, options.LeadProduct, Decision.RefundLeadProduct);
        return true;
    }

    /// <summary>At the start of the month: the person may leave, and a membership whose term ends this month is renewed or left to lapse.</summary>
    public void Keep(SimulatedPerson person, DateOnly nextMonthStarts)
    {
        var standing = _people[person.Id];
        standing.MembershipOrdered = false;
        if (!standing.Left && person.Takes(Decision.Leave, options.ChurnRate))
        {
            standing.Left = true;
        }

        if (!selfCycle || standing.MembershipClosed || community.Member(person.Id).Membership is not { Status: MembershipStatus.Active } membership
            || membership.PaidThrough >= nextMonthStarts || standing.RenewalDecidedFor == membership.PaidThrough)
        {
            return;
        }

        standing.RenewalDecidedFor = membership.PaidThrough;
        if (!standing.Left && person.Takes(Decision.Renew, options.RenewalRate))
        {
            Order(person, membership.TierId, Decision.RefundMembership);
            standing.MembershipOrdered = true;
        }
        else
        {
            standing.MembershipClosed = true; // the period's close expires it
        }
    }

    /// <summary>During the month: courses, then (self-cycle) a membership or an upgrade.</summary>
    public void Act(SimulatedPerson person, DateOnly today)
    {
        var standing = _people[person.Id];
        if (standing.Left)
        {
            return;
        }

        var customer = standing.BoughtEntry;
        if (!customer)
        {
            if (person.Takes(Decision.BuyEntryCourse, options.EntryCourseRate))
            {
                Order(person, options.EntryCourse, Decision.RefundEntryCourse);
                standing.BoughtEntry = true;
            }
        }
        else if (person.Takes(Decision.BuyHighTicketCourse, options.HighTicketCourseRate))
        {
            if (community.Member(person.Id).Membership is { Status: MembershipStatus.Active } held && held.Balance(options.HighTicketCourse, today) is null or > 0)
            {
                Execute(new ConsumeEntitlement(person.Id, options.HighTicketCourse, $"{person.Id}-{_month}"));
            }
            else
            {
                Order(person, options.HighTicketCourse, Decision.RefundHighTicketCourse);
            }
        }

        if (!selfCycle || !customer || standing.MembershipClosed || standing.MembershipOrdered)
        {
            return;
        }

        var membership = community.Member(person.Id).Membership;
        if (membership is null && person.Takes(Decision.BuyMembership, options.MembershipUptake))
        {
            Order(person, options.VipTier, Decision.RefundMembership);
        }
        else if (membership is { Status: MembershipStatus.Active } m && m.TierId == options.VipTier && person.Takes(Decision.Upgrade, options.KaUpgradeRate))
        {
            Order(person, options.KaTier, Decision.RefundMembership);
        }
    }

    /// <summary>Whether the person brings a newcomer this month (self-cycle only; people who have left bring none).</summary>
    public bool Refers(SimulatedPerson person) =>
        selfCycle && _people.TryGetValue(person.Id, out var standing) && !standing.Left && person.Takes(Decision.Refer, options.ReferralRate);

    /// <summary>A few days after paying, inside the cooling-off period, some of the month's orders are refunded.</summary>
    public void RefundMonthOrders()
    {
        foreach (var (person, orderId, refund) in _monthOrders)
        {
            if (!person.Takes(refund, options.RefundRate))
            {
                continue;
            }

            var standing = _people[person.Id];
            if (refund == Decision.RefundMembership)
            {
                if (standing.MembershipClosed)
                {
                    continue; // one membership refund cancels the membership; there is nothing left to refund
                }

                standing.MembershipClosed = true;
            }

            Execute(new RefundOrder(person.Id, orderId, "refund-" + orderId));
        }

        _monthOrders.Clear();
    }

    /// <summary>Closes the month: memberships past their term expire, idle fans go dormant.</summary>
    public void Close() => Execute(new ClosePeriod());

    /// <summary>The month's figures; the totals start again for the next month.</summary>
    public FunnelFigures TakeMonth(long boughtLeads, long referredLeads, Money trafficCost)
    {
        var figures = new FunnelFigures(boughtLeads, referredLeads, _orders, _revenue, _refunds, trafficCost, _commissions);
        _orders = 0;
        _revenue = _refunds = _commissions = Money.Zero(_currency);
        _month++;
        return figures;
    }

    /// <summary>Members holding an active membership.</summary>
    public int ActiveMemberships() => community.Members.Count(m => m.Membership is { Status: MembershipStatus.Active });

    private void Order(SimulatedPerson person, string item, Decision refund)
    {
        var orderId = $"{person.Id}-{_month + 1}-{item}";
        Execute(new PlaceOrder(person.Id, orderId, item));
        _monthOrders.Add((person, orderId, refund));
    }

    private void Execute(CommunityCommand command)
    {
        foreach (var e in community.Execute(command).Events)
        {
            switch (e)
            {
                case ProductPurchased p:
                    Paid(p.Paid);
                    break;
                case MembershipPurchased { OrderId: not null } p:
                    Paid(p.Paid);
                    break;
                case MembershipRenewed { OrderId: not null } r:
                    Paid(r.Paid);
                    break;
                case MembershipUpgraded { OrderId: not null } u:
                    Paid(u.Charged);
                    break;
                case PromoterRightsGranted { OrderId: not null, Paid: { } paid }:
                    Paid(paid);
                    break;
                case ProductRefunded r:
                    _refunds += r.Amount;
                    break;
                case MembershipRefunded r:
                    _refunds += r.Amount;
                    break;
                case ICommissionMovement c:
                    _commissions += c.CommissionChange;
                    break;
            }
        }
    }

    private void Paid(Money amount)
    {
        _revenue += amount;
        _orders++;
    }

    /// <summary>Where one person stands on this side.</summary>
    private sealed class Standing
    {
        public bool BoughtEntry { get; set; }

        public bool Left { get; set; }

        /// <summary>The membership was refunded or left to lapse: no more membership decisions.</summary>
        public bool MembershipClosed { get; set; }

        public bool MembershipOrdered { get; set; }

        public DateOnly? RenewalDecidedFor { get; set; }
    }
}
