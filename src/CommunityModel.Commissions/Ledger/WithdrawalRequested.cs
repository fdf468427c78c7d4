namespace CommunityModel.Commissions.Ledger;

/// <summary>A member asked to withdraw; the amount is reserved from its available balance until paid or rejected.</summary>
/// <param name="WithdrawalId">The integrator's id of the withdrawal.</param>
/// <param name="Member">Who withdraws.</param>
/// <param name="Amount">The amount taken from the balance.</param>
/// <param name="Fee">The fee withheld; <c>Amount - Fee</c> is paid to the member.</param>
/// <param name="OccurredAt">When it was requested.</param>
public sealed record WithdrawalRequested(string WithdrawalId, MemberId Member, Money Amount, Money Fee, DateTimeOffset OccurredAt) : IDomainEvent
{
    /// <summary>What the member receives: the amount minus the fee.</summary>
    public Money NetPayout => Amount.Subtract(Fee);
}
