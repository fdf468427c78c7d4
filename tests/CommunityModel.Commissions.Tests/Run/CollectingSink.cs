using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Paying;

namespace CommunityModel.Commissions.Tests.Run;

/// <summary>Keeps every block the run writes, in order, and can act after a given block (e.g. cancel the run).</summary>
public sealed class CollectingSink(Action<int>? afterBlock = null) : ICommissionRunSink
{
    public List<CommissionRunLine> Lines { get; } = [];

    public int Blocks { get; private set; }

    public void Write(ReadOnlySpan<CommissionRunLine> lines)
    {
        Lines.AddRange(lines);
        Blocks++;
        afterBlock?.Invoke(Blocks);
    }
}

/// <summary>Records progress synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
public sealed class ProgressLog : IProgress<CommissionRunProgress>
{
    public List<CommissionRunProgress> Reports { get; } = [];

    public void Report(CommissionRunProgress value) => Reports.Add(value);
}
