using CommunityModel.Catalog;
using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Referrals;
using CommunityModel.Tests.Community;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Errors;

/// <summary>Every error of the library is mapped the same way: its refusals, the first one's code being the error's.</summary>
public class CommunityModelExceptionTests
{
    private readonly FakeTimeProvider _clock = new(TestCommunity.Start);

    [Fact]
    public void An_error_made_from_a_code_and_a_message_carries_them_as_its_one_refusal()
    {
        var error = new CurrencyMismatchException(Currency.CNY, Currency.USD, "add");

        var refusal = Assert.Single(error.Refusals);
        Assert.Equal((error.ErrorCode, error.Message, (string?)null), (refusal.Code, refusal.Message, refusal.Field));
        Assert.Equal(ErrorCodes.CurrencyMismatch, refusal.Code);
    }

    [Fact]
    public void An_error_made_from_refusals_takes_the_first_ones_code_and_joins_their_messages()
    {
        Refusal[] refusals = [new("a.first", "First.", "x"), new("a.second", "Second.")];

        var error = new CommunityModelException([.. refusals]);
        var worded = new CommunityModelException([.. refusals], "Both went wrong.");

        Assert.Equal(("a.first", "First. Second."), (error.ErrorCode, error.Message));
        Assert.Equal<Refusal>(refusals, error.Refusals);
        Assert.Equal(("a.first", "Both went wrong."), (worded.ErrorCode, worded.Message));
        Assert.Throws<ArgumentException>(() => new CommunityModelException([]));
        Assert.Throws<ArgumentException>(() => new CommunityModelException(default(System.Collections.Immutable.ImmutableArray<Refusal>)));
        Assert.Throws<ArgumentException>(() => new CommunityModelException([new Refusal(" ", "No code.")]));
        Assert.Throws<ArgumentException>(() => new CommunityModelException(" ", "No code."));
    }

    [Fact]
    public void A_community_refusal_carries_the_commands_field_in_its_refusal()
    {
        var community = TestCommunity.Create(_clock);
        community.Execute(new RegisterMember(1));

        var error = Assert.Throws<CommunityException>(() => community.Execute(new PlaceOrder(1, "o1", SeedBusiness.OnlineCourses, Money.Cny(-1m))));

        var refusal = Assert.Single(error.Refusals);
        Assert.Equal((error.ErrorCode, error.Field), (refusal.Code, refusal.Field));
        Assert.Equal((ErrorCodes.CommunityInvalidPrice, "Price"), (error.ErrorCode, error.Field));
    }

    [Fact]
    public void Each_parts_refusal_error_is_read_through_the_base_class()
    {
        var desk = new MembershipDesk(SeedBusiness.CreatePlan(), _clock);
        var network = new ReferralNetwork(new ReferralOptions(), _clock);
        network.Register(1);
        var chain = new ValueChain(new ValueChainOptions(), _clock);

        CommunityModelException[] errors =
        [
            Assert.Throws<MembershipRefusedException>(() => desk.Upgrade(desk.Purchase(1, SeedBusiness.Ka).Membership, SeedBusiness.Vip)),
            Assert.Throws<ReferralException>(() => network.Bind(1, 1)),
            Assert.Throws<LifecycleTransitionRefusedException>(() => chain.Fire(chain.Start(1).State, LifecycleTrigger.MembershipExpired)),
            Assert.Throws<UnknownProductException>(() => SeedBusiness.CreateCatalog()["nope"]),
        ];

        Assert.All(errors, e => Assert.Equal(e.ErrorCode, e.Refusals[0].Code));
        Assert.Equal(
            [ErrorCodes.NotAnUpgrade, ErrorCodes.ReferralSelfBinding, ErrorCodes.LifecycleTriggerNotPermitted, ErrorCodes.UnknownProduct],
            errors.Select(e => e.ErrorCode));
    }
}
