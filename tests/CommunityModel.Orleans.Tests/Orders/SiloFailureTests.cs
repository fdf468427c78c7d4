using System.Collections.Concurrent;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Orleans.Members;
using CommunityModel.Orleans.MonthEnd;
using CommunityModel.Orleans.Orders;

namespace CommunityModel.Orleans.Tests.Orders;

/// <summary>Silos die in these tests; they run last in the shared cluster's collection and start a replacement each time.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloFailureTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Killing_a_silo_mid_load_loses_no_acknowledged_order_and_pays_none_twice()
    {
        const int members = 20, orders = 300;
        var first = await Network(members);
        var acknowledged = new ConcurrentDictionary<string, long>();
        var load = Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < orders; i += 8)
            {
                var id = $"kill-{first}-{i}";
                var request = new OrderRequest(first + 1 + (i % (members - 1)), 10_000 + i, null, null, "2025-01", false);
                await Retry(() => Grains.GetGrain<IOrderGrain>(id).Pay(request));   // the client retries the same order until acknowledged
                acknowledged[id] = request.Buyer;
            }
        })));

        while (acknowledged.Count < orders / 4)
        {
            await Task.Delay(5);
        }

        await fixture.Cluster.KillSiloAsync(fixture.Cluster.Silos[^1]);
        await load;
        await fixture.Cluster.StartAdditionalSiloAsync();
        foreach (var id in acknowledged.Keys)
        {
            while (await Retry(() => Grains.GetGrain<IOrderGrain>(id).DeliverFollowUps()) > 0)
            {
                await Task.Delay(50);
            }
        }

        // One ledger over the same orders on one machine gives the same balances: nothing lost, nothing twice.
        var reference = new ReferenceCommunity();
        reference.Register(first, 0);
        for (var m = 1; m < members; m++)
        {
            reference.Register(first + m, first + ((m - 1) / 2));
        }

        for (var i = 0; i < orders; i++)
        {
            reference.Pay($"kill-{first}-{i}", first + 1 + (i % (members - 1)), 10_000 + i);
        }

        Assert.Equal(orders, acknowledged.Count);
        for (var m = 0; m < members; m++)
        {
            Assert.Equal(AccountBalance.From(reference.Ledger.BalanceOf(first + m)), await Retry(() => Grains.GetGrain<IMemberGrain>(first + m).GetBalance()));
        }
    }

    [Fact]
    public async Task A_month_end_killed_mid_delivery_resumes_and_pays_each_commission_once()
    {
        const int members = 12, orders = 120;
        var first = await Network(members);
        var period = $"2025-02-{first}";
        for (var i = 0; i < orders; i++)
        {
            await Grains.GetGrain<IOrderGrain>($"me-{first}-{i}").Pay(new OrderRequest(first + 1 + (i % (members - 1)), 20_000 + i, null, null, period, AtMonthEnd: true));
        }

        // A run whose grain is not on the primary silo (the first, whose gateway the client uses).
        var primary = fixture.Cluster.Silos[0].SiloAddress.ToString();
        IMonthEndGrain run = null!;
        for (var attempt = 0; ; attempt++)
        {
            run = Grains.GetGrain<IMonthEndGrain>($"{period}#{attempt}");
            if (!(await run.GetProgress()).Silo.Contains(primary, StringComparison.Ordinal))
            {
                break;
            }
        }

        var silo = (await run.GetProgress()).Silo;
        var host = fixture.Cluster.Silos.Single(s => silo.Contains(s.SiloAddress.ToString(), StringComparison.Ordinal));
        var running = run.Run();
        MonthEndReport progress;
        do
        {
            await Task.Delay(2);
            progress = await run.GetProgress();
        }
        while (progress.Delivered == 0 && !running.IsCompleted);

        await fixture.Cluster.KillSiloAsync(host);
        await fixture.Cluster.StartAdditionalSiloAsync();
        try
        {
            await running;
        }
        catch (Exception)
        {
            // The run died with its silo: run it again.
        }

        var report = await Retry(run.Run);
        var again = await Grains.GetGrain<IMonthEndGrain>($"{period}#again").Run();   // a second run of the period pays nothing more
        for (var i = 0; i < orders; i++)
        {
            while (await Retry(() => Grains.GetGrain<IOrderGrain>($"me-{first}-{i}").DeliverFollowUps()) > 0)
            {
                await Task.Delay(50);
            }
        }

        Assert.True(progress.Delivered < orders, $"the silo was killed after {progress.Delivered} of {orders} orders were delivered");
        Assert.Equal((orders, orders), (report.Orders, report.Delivered));
        Assert.Equal(report.TotalPaid, again.TotalPaid);

        // The same month-end on one machine: the library's run accrued into one ledger.
        var reference = new ReferenceCommunity();
        reference.Register(first, 0);
        for (var m = 1; m < members; m++)
        {
            reference.Register(first + m, first + ((m - 1) / 2));
        }

        var accrual = reference.Ledger.AccrueRun(DateTimeOffset.UtcNow);
        new Commissions.Run.CommissionRun(ClusterFixture.Plan).Execute(
            Commissions.Paying.EarnerRoster.AllActive(reference.Network.Snapshot()),
            Enumerable.Range(0, orders).Select(i => new Commissions.Paying.CommissionableOrder($"me-{first}-{i}", first + 1 + (i % (members - 1)), Money.FromMinorUnits(20_000 + i, Currency.CNY))),
            sink: accrual);
        Assert.Equal(accrual.Events.OfType<CommissionAccrued>().Sum(a => a.Amount.MinorUnits), report.TotalPaid);
        for (var m = 0; m < members; m++)
        {
            Assert.Equal(AccountBalance.From(reference.Ledger.BalanceOf(first + m)), await Grains.GetGrain<IMemberGrain>(first + m).GetBalance());
        }
    }

    private static async Task<T> Retry<T>(Func<Task<T>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception) when (attempt < 20)
            {
                await Task.Delay(200);
            }
        }
    }

    // A binary tree of members: member m is sponsored by (m - 1) / 2.
    private async Task<long> Network(int members)
    {
        var first = fixture.NextIds(members);
        Assert.True((await Grains.GetGrain<IMemberGrain>(first).Register(0)).Accepted);
        for (var m = 1; m < members; m++)
        {
            Assert.True((await Grains.GetGrain<IMemberGrain>(first + m).Register(first + ((m - 1) / 2))).Accepted);
        }

        return first;
    }
}
