namespace CommunityModel.Commissions.Ledger;

/// <summary>One condition a withdrawal did not meet.</summary>
/// <param name="Code">A stable code from <see cref="CommissionErrorCodes"/>, e.g. <see cref="CommissionErrorCodes.InsufficientBalance"/>.</param>
/// <param name="Reason">What was wrong, in words.</param>
public sealed record WithdrawalRefusal(string Code, string Reason);
