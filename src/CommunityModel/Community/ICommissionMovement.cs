namespace CommunityModel;

/// <summary>
/// An event that changes what a community owes its earners in commission: an accrual adds, a reversal (a refund taking
/// commission back) subtracts. The commissions package's ledger events implement it, so the core can total the
/// commission a community's orders cost without depending on that package.
/// </summary>
public interface ICommissionMovement : IDomainEvent
{
    /// <summary>The change to the commission owed: positive for an accrual, negative for a reversal.</summary>
    Money CommissionChange { get; }
}
