using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Crm.Tests;

/// <summary>
/// The CRM as its own process, killed with SIGKILL while orders pour in (at once, or from eight clients in a loop) and
/// in the middle of month-end: every answered order is on disk, no command is half stored (each stored purchase has its
/// commission beside it), and a month-end cut off is finished by the next start, paying each withdrawal once.
/// </summary>
public sealed partial class KilledProcessTests
{
    private const int Members = 40;

    // The eight clients of the load test write as one admin; the limit on writes is not what is tested here.
    private static readonly string[] Unlimited = ["--Crm:WritesPerSecond=1000000", "--Crm:WriteBurst=1000000"];

    [Fact]
    public async Task A_process_killed_mid_flow_loses_no_answered_order_and_stores_no_half_command()
    {
        using var db = new TempDatabase();
        var answered = new List<long>();
        await CreateAdminAsync(db.Path);
        using (var process = Start(db.Path))
        {
            try
            {
                using var crmClient = await new CrmClient(await AddressAsync(process)).SignInAsync(CrmHost.AdminName, CrmHost.Password);
                var client = crmClient.Http;
                await Post(client, "/members", new { memberId = 1 });
                for (var id = 2; id <= Members; id++)
                {
                    await Post(client, "/members", new { memberId = id, sponsorId = 1 });
                }

                // Orders in parallel; the process is killed once a few have been answered.
                var orders = Enumerable.Range(2, Members - 1).Select(async id =>
                {
                    try
                    {
                        using var response = await client.PostAsJsonAsync($"/members/{id}/orders", new { orderId = $"o-{id}", item = "VIP" });
                        if (response.IsSuccessStatusCode)
                        {
                            lock (answered)
                            {
                                answered.Add(id);
                            }
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // the process died under this request: it may or may not be stored, never half
                    }
                }).ToList();
                while (CountOf(answered) < 5 && orders.Any(o => !o.IsCompleted))
                {
                    await Task.Delay(5);
                }

                process.Kill(); // SIGKILL: no shutdown, no flush
                await Task.WhenAll(orders);
            }
            finally
            {
                await EndAsync(process);
            }
        }

        var purchases = StoredEvents.Count(db.Path, "membership.purchased.v1");
        Assert.Equal(purchases, StoredEvents.Count(db.Path, "commissions.commission_accrued.v1"));
        Assert.InRange(answered.Count, 1, purchases);

        await using var crm = await CrmHost.StartAsync(db.Path, new FakeTimeProvider(DateTimeOffset.UtcNow));
        foreach (var id in answered)
        {
            Assert.Equal("Member", (string?)(await crm.GetAsync($"/members/{id}"))["stage"]);
        }

        Assert.Equal(360.00m * purchases, Cny.Amount((await crm.GetAsync("/members/1/commissions"))["balance"]!["pending"]));
    }

    [Fact]
    public async Task A_process_killed_under_an_eight_client_order_load_loses_no_answered_order()
    {
        using var db = new TempDatabase();
        var answered = new List<string>();
        await CreateAdminAsync(db.Path);
        using (var process = Start(db.Path, Unlimited))
        {
            try
            {
                var address = await AddressAsync(process);
                using var setup = await new CrmClient(address).SignInAsync(CrmHost.AdminName, CrmHost.Password);
                await Post(setup.Http, "/members", new { memberId = 1 });
                for (var id = 2; id <= Members; id++)
                {
                    await Post(setup.Http, "/members", new { memberId = id, sponsorId = 1 });
                }

                // Eight clients, each posting one order after another (a ¥199 product: ¥19.90 to member 1 each), until the kill.
                var clients = new List<CrmClient>();
                for (var c = 0; c < 8; c++)
                {
                    clients.Add(await new CrmClient(address).SignInAsync(CrmHost.AdminName, CrmHost.Password));
                }

                var load = clients.Select((client, c) => Task.Run(async () =>
                {
                    for (var n = 0; n < 5_000; n++)
                    {
                        var orderId = $"c{c}-{n}";
                        try
                        {
                            using var response = await client.Http.PostAsJsonAsync($"/members/{2 + ((n * 8) + c) % (Members - 1)}/orders", new { orderId, item = "bootcamp" });
                            if (response.IsSuccessStatusCode)
                            {
                                lock (answered)
                                {
                                    answered.Add(orderId);
                                }
                            }
                        }
                        catch (HttpRequestException)
                        {
                            return; // the process died under this request: it may or may not be stored, never half
                        }
                    }
                })).ToList();
                while (CountOf(answered) < 400 && load.Any(l => !l.IsCompleted))
                {
                    await Task.Delay(5);
                }

                process.Kill();
                await Task.WhenAll(load);
                clients.ForEach(c => c.Dispose());
            }
            finally
            {
                await EndAsync(process);
            }
        }

        var stored = StoredEvents.Values(db.Path, "community.product_purchased.v1", "$.orderId");
        Assert.Equal(stored.Count, StoredEvents.Count(db.Path, "commissions.commission_accrued.v1"));
        Assert.InRange(answered.Count, 400, stored.Count);
        Assert.DoesNotContain(answered, o => !stored.Contains(o));

        await using var crm = await CrmHost.StartAsync(db.Path, new FakeTimeProvider(DateTimeOffset.UtcNow));
        Assert.Equal(19.90m * stored.Count, Cny.Amount((await crm.GetAsync("/members/1/commissions"))["balance"]!["pending"]));
    }

    [Fact]
    public async Task A_process_killed_during_month_end_is_finished_by_the_next_start_paying_each_withdrawal_once()
    {
        using var db = new TempDatabase();
        const int withdrawals = 300;

        // Member 1 earns ¥360 on each of nine VIP purchases and asks for 300 withdrawals of ¥10.
        var time = Clock.Start();
        await using (var seed = await CrmHost.StartAsync(db.Path, time))
        {
            await seed.RegisterAsync(1);
            for (var id = 2; id <= 10; id++)
            {
                await seed.RegisterAsync(id, sponsor: 1);
                await seed.PostAsync($"/members/{id}/orders", new { orderId = $"vip-{id}", item = "VIP" });
            }

            time.Advance(TimeSpan.FromDays(8));
            var member1 = await seed.MemberAsync(1);
            for (var i = 1; i <= withdrawals; i++)
            {
                await member1.PostAsync("/members/1/withdrawals", new { withdrawalId = $"w-{i}", amount = Cny.Of(10m) });
            }
        }

        // The process pays one withdrawal per transaction and is killed once the first payments are on disk.
        long paidAtKill;
        using (var process = Start(db.Path, "--Crm:MonthEndPaymentsPerStep=1"))
        {
            try
            {
                using var admin = await new CrmClient(await AddressAsync(process)).SignInAsync(CrmHost.AdminName, CrmHost.Password);
                var run = admin.Http.PostAsJsonAsync("/month-end", new { });
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                while (StoredEvents.Count(db.Path, "commissions.withdrawal_paid.v1") == 0 && !run.IsCompleted)
                {
                    await Task.Delay(1, timeout.Token);
                }

                process.Kill();
                paidAtKill = StoredEvents.Count(db.Path, "commissions.withdrawal_paid.v1");
                await Assert.ThrowsAnyAsync<HttpRequestException>(() => run); // killed before it answered
            }
            finally
            {
                await EndAsync(process);
            }
        }

        Assert.InRange(paidAtKill, 1, withdrawals - 1);
        Assert.Equal((1L, 0L), (StoredEvents.Count(db.Path, "crm.month_end_started.v1"), StoredEvents.Count(db.Path, "crm.month_end_closed.v1")));

        // The next start finishes the stored run before it answers: every withdrawal paid, each once, one close.
        await using var crm = await CrmHost.StartAsync(db.Path, new FakeTimeProvider(DateTimeOffset.UtcNow));
        Assert.Equal((long)withdrawals, StoredEvents.Count(db.Path, "commissions.withdrawal_paid.v1"));
        Assert.Equal((long)withdrawals, StoredEvents.DistinctWithdrawalsPaid(db.Path));
        Assert.Equal((1L, 1L), (StoredEvents.Count(db.Path, "crm.month_end_started.v1"), StoredEvents.Count(db.Path, "crm.month_end_closed.v1")));
        var balance = (await crm.GetAsync("/members/1/commissions"))["balance"]!;
        Assert.Equal((3000.00m, 0m, 240.00m), (Cny.Amount(balance["paidOut"]), Cny.Amount(balance["withdrawing"]), Cny.Amount(balance["available"])));
        var replay = await crm.PostAsync("/month-end");
        Assert.True((bool?)replay["replayed"]);
        Assert.Equal(withdrawals, replay["paidWithdrawals"]!.AsArray().Count);
    }

    private static async Task EndAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
    }

    private static int CountOf<T>(List<T> answered)
    {
        lock (answered)
        {
            return answered.Count;
        }
    }

    // The documented first step: create-admin, the password on standard input.
    private static async Task CreateAdminAsync(string database)
    {
        using var process = Process.Start(Info(database, ["create-admin", CrmHost.AdminName], [])) ?? throw new InvalidOperationException("create-admin did not start.");
        await process.StandardInput.WriteLineAsync(CrmHost.Password);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"create-admin: {output} {await process.StandardError.ReadToEndAsync()}");
        Assert.Contains("Created the admin account 'admin'.", output, StringComparison.Ordinal);
    }

    private static Process Start(string database, params string[] settings) => Process.Start(Info(database, [], settings)) ?? throw new InvalidOperationException("The CRM process did not start.");

    private static ProcessStartInfo Info(string database, string[] command, string[] settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = command.Length > 0,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment.Remove("CRM_ADMIN_PASSWORD");
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "CommunityModel.Crm.dll") }.Concat(command).Concat(["--Crm:Port=0", $"--Crm:DataDirectory={Path.GetDirectoryName(database)}", $"--Crm:Database={database}"]).Concat(settings))
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private static async Task<Uri> AddressAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                _ = process.StandardOutput.ReadToEndAsync(); // keep the pipe drained
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"The CRM process ended before listening: {await process.StandardError.ReadToEndAsync()}");
    }

    private static async Task Post(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
