namespace CommunityModel.Credits;

/// <summary>A redemption costs more credits than the member can spend (<see cref="ErrorCodes.CreditsInsufficient"/>).</summary>
public sealed class InsufficientCreditsException : CreditsException
{
    /// <summary>Creates the refusal.</summary>
    /// <param name="member">The member.</param>
    /// <param name="item">The item asked for.</param>
    /// <param name="price">The item's credit price.</param>
    /// <param name="balance">The credits the member can spend; negative while a debt is unpaid.</param>
    public InsufficientCreditsException(MemberId member, string item, long price, long balance)
        : base(ErrorCodes.CreditsInsufficient, $"Member {member} holds {balance} credit(s) that can be spent; '{item}' costs {price}.", "Item")
    {
        Member = member;
        Item = item;
        Price = price;
        Balance = balance;
    }

    /// <summary>The member.</summary>
    public MemberId Member { get; }

    /// <summary>The item asked for.</summary>
    public string Item { get; }

    /// <summary>The item's credit price.</summary>
    public long Price { get; }

    /// <summary>The credits the member can spend, expired lots left out; negative while a debt is unpaid.</summary>
    public long Balance { get; }
}
