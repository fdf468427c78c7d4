using CommunityModel.Memberships;

namespace CommunityModel.Tests.Errors;

public class AttemptTests
{
    private static readonly Refusal TierUnknown = new(ErrorCodes.UnknownMembershipTier, "The membership plan has no tier 'gold'.", "tierId");

    [Fact]
    public void A_success_holds_its_value_and_no_refusals()
    {
        var attempt = Attempt<int>.Success(42);

        Assert.True(attempt.Succeeded);
        Assert.Equal(42, attempt.Value);
        Assert.Equal(42, attempt.GetValueOrThrow());
        Assert.Empty(attempt.Refusals);
        Assert.Null(attempt.ErrorCode);
    }

    [Fact]
    public void A_refusal_throws_the_parts_typed_error_carrying_the_same_refusals()
    {
        var attempt = Attempt<int>.Refused([TierUnknown], r => new MembershipRefusedException(r));

        var error = Assert.Throws<MembershipRefusedException>(() => attempt.GetValueOrThrow());

        Assert.False(attempt.Succeeded);
        Assert.Equal(ErrorCodes.UnknownMembershipTier, attempt.ErrorCode);
        Assert.Equal<Refusal>([TierUnknown], error.Refusals);
        Assert.Equal(ErrorCodes.UnknownMembershipTier, error.ErrorCode);
        Assert.Contains(ErrorCodes.UnknownMembershipTier, Assert.Throws<InvalidOperationException>(() => attempt.Value).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_needs_a_reason_and_a_way_to_throw_and_a_default_attempt_holds_nothing()
    {
        Assert.Throws<ArgumentException>(() => Attempt<int>.Refused([], r => new MembershipRefusedException(r)));
        Assert.Throws<ArgumentException>(() => Attempt<int>.Refused(default, r => new MembershipRefusedException(r)));
        Assert.Throws<ArgumentNullException>(() => Attempt<int>.Refused([TierUnknown], null!));

        var empty = default(Attempt<string>);
        Assert.False(empty.Succeeded);
        Assert.Empty(empty.Refusals);
        Assert.Null(empty.ErrorCode);
        Assert.Throws<InvalidOperationException>(() => empty.GetValueOrThrow());
        Assert.Throws<InvalidOperationException>(() => empty.Value);
    }
}
