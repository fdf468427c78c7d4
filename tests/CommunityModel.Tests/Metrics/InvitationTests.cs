using CommunityModel.Metrics;
using static CommunityModel.Tests.Metrics.Stream;

namespace CommunityModel.Tests.Metrics;

public class InvitationTests
{
    private static readonly MetricsPeriod March = MetricsPeriod.Month(2026, 3);

    /// <summary>
    /// Four members active in March (m1, m2, m3, m5; m4 only in February). m1 sends three invitations and m2 two in
    /// March; of those i1 and i5 are accepted in March and i3 in April. m4's February invitation is accepted in March
    /// but was not sent in the period, so it counts for neither figure.
    /// </summary>
    private static IDomainEvent[] Invitations() => Ordered(
        Active(4, At(2, 10)),
        new InvitationSent(4, "i0", At(2, 10)),
        Active(1, At(3, 1)),
        Active(2, At(3, 1)),
        Active(3, At(3, 2)),
        Active(5, At(3, 2)),
        new InvitationSent(1, "i1", At(3, 2)),
        new InvitationSent(1, "i2", At(3, 3)),
        new InvitationSent(1, "i3", At(3, 4)),
        new InvitationSent(2, "i4", At(3, 5)),
        new InvitationSent(2, "i5", At(3, 6)),
        new InvitationAccepted("i0", 10, At(3, 1, 12)),
        new InvitationAccepted("i1", 11, At(3, 7)),
        new InvitationAccepted("i5", 15, At(3, 8)),
        new InvitationAccepted("i3", 13, At(4, 2)));

    [Fact]
    public void K_is_invites_per_member_times_acceptance()
    {
        var report = new CommunityMetrics().Aarrr(Invitations(), March);

        Assert.Equal(4, report.ActiveMembers);
        Assert.Equal(5, report.InvitationsSent);
        Assert.Equal(3, report.InvitationsAccepted);
        Assert.Equal(1.25m, report.InvitesPerMember);              // 5 invitations ÷ 4 active members
        Assert.Equal(Rate.FromPercent(60), report.InvitationAcceptance); // 3 accepted ÷ 5 sent
        Assert.Equal(0.75m, report.InvitationKFactor);             // 1.25 × 60% = 3 ÷ 4
        Assert.Null(report.KFactor);                               // the referred-customer K-factor stays: no customers at the start
    }

    [Fact]
    public void Without_active_members_or_invitations_the_invitation_figures_are_null()
    {
        var none = new CommunityMetrics().Aarrr([Active(1, At(3, 2))], March);
        Assert.Null(none.InvitationAcceptance);
        Assert.Null(none.InvitationKFactor);
        Assert.Equal(0m, none.InvitesPerMember);

        var nobodyActive = new CommunityMetrics().Aarrr([new InvitationSent(1, "i1", At(3, 2))], March);
        Assert.Null(nobodyActive.InvitesPerMember);
        Assert.Null(nobodyActive.InvitationKFactor);
        Assert.Equal(Rate.Zero, nobodyActive.InvitationAcceptance);
    }

    [Fact]
    public void An_acceptance_of_an_unknown_invitation_is_refused_naming_the_id()
    {
        IDomainEvent[] events = [new InvitationSent(1, "i1", At(3, 1)), new InvitationAccepted("i9", 2, At(3, 2))];

        var error = Assert.Throws<MetricsException>(() => new CommunityMetrics().Compute(events, March, MetricSet.Funnel));

        Assert.Equal(ErrorCodes.MetricsUnknownInvitation, error.ErrorCode);
        Assert.Contains("'i9'", error.Message, StringComparison.Ordinal);
        Assert.Contains("#1", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<IDomainEvent, string> UnusableInvitations() => new()
    {
        { new InvitationSent(1, "i1", At(3, 2)), "sent before" },
        { new InvitationAccepted("i1", 1, At(3, 2)), "own inviter" },
        { new InvitationSent(2, " ", At(3, 2)), "InvitationId is blank" },
        { new InvitationSent(default, "i2", At(3, 2)), "names no member" },
        { new InvitationAccepted("", 2, At(3, 2)), "InvitationId is blank" },
        { new InvitationAccepted("i1", default, At(3, 2)), "names no member" },
    };

    [Theory]
    [MemberData(nameof(UnusableInvitations))]
    public void Unusable_invitations_are_refused(IDomainEvent fact, string problem)
    {
        IDomainEvent[] events = [new InvitationSent(1, "i1", At(3, 1)), fact];

        var error = Assert.Throws<MetricsException>(() => new CommunityMetrics().Compute(events, March));

        Assert.Equal(ErrorCodes.MetricsInvalidFact, error.ErrorCode);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invitation_is_accepted_once()
    {
        IDomainEvent[] events = [new InvitationSent(1, "i1", At(3, 1)), new InvitationAccepted("i1", 2, At(3, 2)), new InvitationAccepted("i1", 3, At(3, 3))];

        var error = Assert.Throws<MetricsException>(() => new CommunityMetrics().Compute(events, March));

        Assert.Equal(ErrorCodes.MetricsInvalidFact, error.ErrorCode);
        Assert.Contains("accepted before", error.Message, StringComparison.Ordinal);
    }
}
