namespace CommunityModel.Referrals;

/// <summary>One condition that a binding did not meet.</summary>
/// <param name="Code">A stable code from <see cref="ErrorCodes"/>, e.g. <see cref="ErrorCodes.ReferralCycle"/>.</param>
/// <param name="Reason">What was wrong, in words.</param>
public sealed record BindingRefusal(string Code, string Reason);
