namespace CommunityModel.Commissions.Run;

/// <summary>How far a month-end run has come.</summary>
/// <param name="Phase">What it is doing.</param>
/// <param name="OrdersPaid">Orders paid so far (every order before them in canonical order is paid too).</param>
/// <param name="TotalOrders">Orders in the run.</param>
/// <param name="LinesWritten">Ledger lines produced so far.</param>
public readonly record struct CommissionRunProgress(CommissionRunPhase Phase, long OrdersPaid, long TotalOrders, long LinesWritten);
