namespace CommunityModel.Memberships;

/// <summary>A tier id is not in the membership plan.</summary>
public sealed class UnknownMembershipTierException : CommunityModelException
{
    /// <summary>Creates the error for the id that was not found.</summary>
    /// <param name="tierId">The id asked for.</param>
    public UnknownMembershipTierException(string tierId)
        : base(ErrorCodes.UnknownMembershipTier, $"The membership plan has no tier '{tierId}'.")
    {
        TierId = tierId;
    }

    /// <summary>The id asked for.</summary>
    public string TierId { get; }
}
