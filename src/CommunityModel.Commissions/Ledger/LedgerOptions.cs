namespace CommunityModel.Commissions.Ledger;

/// <summary>Settlement and withdrawal rules of the commission ledger (佣金结算与提现).</summary>
public sealed class LedgerOptions
{
    /// <summary>The currency of balances; CNY by default.</summary>
    public Currency Currency { get; set; } = Currency.CNY;

    /// <summary>How long a commission stays pending after payment before it becomes available (冻结期, e.g. the return window); 7 days by default.</summary>
    public TimeSpan FreezePeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The smallest withdrawal accepted (最低提现金额); zero by default.</summary>
    public Money MinimumWithdrawal { get; set; } = Money.Zero(Currency.CNY);

    /// <summary>The fee withheld from each withdrawal (提现手续费), rounded half-up to the fen; 0% by default.</summary>
    public Rate WithdrawalFee { get; set; } = Rate.Zero;
}
