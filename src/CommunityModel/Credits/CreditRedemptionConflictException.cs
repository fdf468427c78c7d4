namespace CommunityModel.Credits;

/// <summary>A redemption id is already used for another member or item (<see cref="ErrorCodes.CreditsIdConflict"/>).</summary>
public sealed class CreditRedemptionConflictException : CreditsException
{
    /// <summary>Creates the conflict.</summary>
    /// <param name="existing">The redemption recorded under the id.</param>
    /// <param name="member">The member asking now.</param>
    /// <param name="item">The item asked for now.</param>
    public CreditRedemptionConflictException(CreditRedemption existing, MemberId member, string item)
        : base(ErrorCodes.CreditsIdConflict, $"Redemption '{existing?.RedemptionId}' is already '{existing?.Item}' by member {existing?.Member}; member {member} asked for '{item}'.", "RedemptionId")
    {
        ArgumentNullException.ThrowIfNull(existing);
        Existing = existing;
    }

    /// <summary>The redemption recorded under the id.</summary>
    public CreditRedemption Existing { get; }
}
