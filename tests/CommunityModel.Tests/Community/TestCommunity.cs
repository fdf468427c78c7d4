using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;
using CommunityModel.Referrals;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Community;

/// <summary>A community of the seed business (gift pack, VIP, KA and the seed catalog) on a fake clock.</summary>
internal static class TestCommunity
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

    public static CommunityModel.Community Create(FakeTimeProvider clock, CommunityOptions? options = null, ICommunityCommissions? commissions = null, CommunityModel.Credits.CreditOptions? credits = null) =>
        new(
            new ValueChain(new ValueChainOptions(), clock),
            new ReferralOptions(),
            new MemberNumberOptions(),
            clock,
            options,
            SeedBusiness.CreateCatalog(),
            new MembershipDesk(SeedBusiness.CreatePlan(), clock),
            commissions,
            credits: credits);
}
