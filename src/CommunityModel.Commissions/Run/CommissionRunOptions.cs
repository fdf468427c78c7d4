namespace CommunityModel.Commissions.Run;

/// <summary>How a month-end run uses the machine. The results never depend on these settings.</summary>
public sealed class CommissionRunOptions
{
    /// <summary>The most threads paying at once; every core when zero or negative (the default).</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>Orders per unit of parallel work, and per block written to the sink (16,384 by default).</summary>
    public int ChunkSize { get; set; } = 16_384;
}
