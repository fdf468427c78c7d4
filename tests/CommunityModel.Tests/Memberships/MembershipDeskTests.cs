using CommunityModel.Catalog;
using CommunityModel.Memberships;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Memberships;

public class MembershipDeskTests
{
    private static readonly MemberId Alice = 1024;
    private readonly FakeTimeProvider _clock = new();
    private readonly MembershipDesk _desk;

    public MembershipDeskTests()
    {
        _desk = new MembershipDesk(SeedBusiness.CreatePlan(), _clock);
        At(2026, 3, 1);
    }

    [Fact]
    public void Purchase_starts_a_one_year_term_today_and_grants_the_tier_entitlements()
    {
        var change = _desk.Purchase(Alice, SeedBusiness.Vip);

        var term = new TermPeriod(new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1));
        Assert.Equal(new MembershipPurchased(Alice, "vip", term, Money.Cny(3600m), Money.Cny(0m), _clock.GetUtcNow()), change.Events[0]);
        Assert.Equal([SeedBusiness.OnlineCourses, SeedBusiness.CommunityService, SeedBusiness.OfflineCourse], change.Events.Skip(1).Cast<EntitlementGranted>().Select(g => g.ProductId));
        var m = change.Membership;
        Assert.Equal((MembershipStatus.Active, new DateOnly(2027, 3, 1), Money.Cny(3600m)), (m.Status, m.PaidThrough, m.TotalPaid));
        Assert.Equal(1, m.Balance(SeedBusiness.OfflineCourse, new DateOnly(2026, 6, 1)));
        Assert.Null(m.Balance(SeedBusiness.OnlineCourses, new DateOnly(2026, 6, 1)));
        Assert.Equal(0, m.Balance(SeedBusiness.OfflineCourse, new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void Today_is_the_calendar_date_in_shanghai_so_a_purchase_at_00_30_local_starts_that_day()
    {
        var desk = new MembershipDesk(_desk.Plan, new FakeTimeProvider(new DateTimeOffset(2026, 2, 28, 16, 30, 0, TimeSpan.Zero)));

        var m = desk.Purchase(Alice, SeedBusiness.Vip).Membership;

        Assert.Equal(new TermPeriod(new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1)), m.Terms[0].Period);
    }

    [Fact]
    public void A_one_year_term_from_29_february_ends_on_28_february_and_renewals_run_on_from_there()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 2, 29, 10, 0, 0, TimeSpan.FromHours(8)));
        var desk = new MembershipDesk(_desk.Plan, clock);
        var m = desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        clock.SetUtcNow(new DateTimeOffset(2025, 2, 1, 10, 0, 0, TimeSpan.FromHours(8)));

        var renewed = desk.Renew(m).Membership;

        Assert.Equal(new DateOnly(2025, 2, 28), m.PaidThrough);
        Assert.Equal(new TermPeriod(new DateOnly(2025, 2, 28), new DateOnly(2026, 2, 28)), renewed.Terms[^1].Period);
    }

    [Fact]
    public void A_monthly_term_from_31_january_ends_on_the_last_day_of_february()
    {
        var plan = new MembershipPlanBuilder().AddTier("m", "Monthly", Money.Cny(10m), t => t.Entitle("a").WithTermMonths(1)).Build(MembershipPlanTests.Products());
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 31, 10, 0, 0, TimeSpan.FromHours(8)));

        var m = new MembershipDesk(plan, clock).Purchase(Alice, "m").Membership;

        Assert.Equal(new DateOnly(2026, 2, 28), m.PaidThrough);
    }

    [Fact]
    public void Renewing_before_expiry_extends_from_the_current_end_and_grants_the_next_term_ahead()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2027, 1, 15);

        var change = _desk.Renew(m);

        var next = new TermPeriod(new DateOnly(2027, 3, 1), new DateOnly(2028, 3, 1));
        Assert.Equal(next, Assert.IsType<MembershipRenewed>(change.Events[0]).Term);
        Assert.Equal(new DateOnly(2028, 3, 1), change.Membership.PaidThrough);
        Assert.Equal(1, change.Membership.Balance(SeedBusiness.OfflineCourse, new DateOnly(2027, 1, 15)));
        Assert.Equal(1, change.Membership.Balance(SeedBusiness.OfflineCourse, new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void Renewing_inside_the_grace_period_continues_the_old_term_after_it_expired()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2027, 3, 20);

        var change = _desk.Renew(m);

        Assert.IsType<MembershipExpired>(change.Events.First(e => e is not EntitlementExpired));
        Assert.Equal(3, change.Events.OfType<EntitlementExpired>().Count());
        Assert.Equal(new TermPeriod(new DateOnly(2027, 3, 1), new DateOnly(2028, 3, 1)), change.Events.OfType<MembershipRenewed>().Single().Term);
        Assert.Equal(MembershipStatus.Active, change.Membership.Status);
    }

    [Fact]
    public void Renewing_after_the_grace_period_starts_anew_today()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2027, 3, 31);

        var renewed = _desk.Renew(m).Membership;

        Assert.Equal(new TermPeriod(new DateOnly(2027, 3, 31), new DateOnly(2028, 3, 31)), renewed.Terms.Single().Period);
    }

    [Fact]
    public void Refresh_expires_the_membership_and_its_unused_grants_at_the_term_end()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2027, 2, 28);
        Assert.Empty(_desk.Refresh(m).Events);
        At(2027, 3, 1);

        var change = _desk.Refresh(m);

        Assert.Contains(new EntitlementExpired(Alice, SeedBusiness.OfflineCourse, m.Terms[0].Period, 1, _clock.GetUtcNow()), change.Events);
        Assert.Equal(new MembershipExpired(Alice, "vip", new DateOnly(2027, 3, 1), _clock.GetUtcNow()), change.Events[^1]);
        Assert.Equal(MembershipStatus.Expired, change.Membership.Status);
        Assert.Empty(change.Membership.Entitlements);
    }

    [Fact]
    public void Consuming_twice_with_the_same_idempotency_key_is_one_use()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2026, 5, 10);

        var first = _desk.Consume(m, SeedBusiness.OfflineCourse, "attendance-7731");
        var again = _desk.Consume(first.Membership, SeedBusiness.OfflineCourse, "attendance-7731");

        Assert.Single(first.Events);
        Assert.Empty(again.Events);
        Assert.Equal(first.Membership, again.Membership);
        Assert.Equal(0, again.Membership.Balance(SeedBusiness.OfflineCourse, new DateOnly(2026, 5, 10)));
        Assert.True(again.Membership.HasConsumed("attendance-7731"));
    }

    [Fact]
    public void Consuming_beyond_the_quota_is_refused_and_changes_nothing()
    {
        var m = _desk.Consume(_desk.Purchase(Alice, SeedBusiness.Vip).Membership, SeedBusiness.OfflineCourse, "a-1").Membership;

        var attempt = _desk.TryConsume(m, SeedBusiness.OfflineCourse, "a-2");
        var error = Assert.Throws<MembershipRefusedException>(() => _desk.Consume(m, SeedBusiness.OfflineCourse, "a-2"));

        Assert.False(attempt.Succeeded);
        Assert.Equal(ErrorCodes.EntitlementExhausted, attempt.Refusals.Single().Code);
        Assert.Equal(ErrorCodes.EntitlementExhausted, error.ErrorCode);
        Assert.False(m.HasConsumed("a-2"));
    }

    [Fact]
    public void Unlimited_entitlements_can_be_used_any_number_of_times_during_the_term()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        for (var i = 0; i < 50; i++)
        {
            m = _desk.Consume(m, SeedBusiness.OnlineCourses, $"lesson-{i}").Membership;
        }

        Assert.Equal(50, m.Entitlements.Single(l => l.ProductId == SeedBusiness.OnlineCourses).Consumed);
        Assert.Null(m.Balance(SeedBusiness.OnlineCourses, _desk.Today));
    }

    [Fact]
    public void Consuming_names_every_unmet_condition_a_lapsed_member_without_the_product_and_a_reused_key()
    {
        var m = _desk.Consume(_desk.Purchase(Alice, SeedBusiness.Vip).Membership, SeedBusiness.OfflineCourse, "k").Membership;

        var conflict = _desk.TryConsume(m, SeedBusiness.OnlineCourses, "k");
        var notEntitled = _desk.TryConsume(m, SeedBusiness.PrivateBoard, "k2");
        At(2027, 3, 2);
        var lapsed = _desk.TryConsume(m, SeedBusiness.OnlineCourses, "k3");

        Assert.Equal(ErrorCodes.IdempotencyKeyConflict, conflict.Refusals.Single().Code);
        Assert.Equal(ErrorCodes.NotEntitled, notEntitled.Refusals.Single().Code);
        Assert.Equal([ErrorCodes.MembershipNotActive, ErrorCodes.NotEntitled], lapsed.Refusals.Select(r => r.Code));
        Assert.Throws<ArgumentException>(() => _desk.TryConsume(m, SeedBusiness.OnlineCourses, " "));
    }

    [Fact]
    public void Stripe_prorations_example_upgrading_10_to_20_usd_halfway_bills_5_usd()
    {
        // Stripe Billing, "Prorations" (docs.stripe.com/billing/subscriptions/prorations): a customer
        // upgrading from a 10 USD monthly plan to a 20 USD one halfway through the period gets a 5 USD
        // credit for unused time and a 10 USD charge for the remaining time, 5 USD in all.
        var catalog = new CatalogBuilder()
            .AddProduct("basic-seat", "Basic", ProductKind.OnlineCourse, Money.Usd(10m), LadderTier.Entry)
            .AddProduct("pro-seat", "Pro", ProductKind.OnlineCourse, Money.Usd(20m), LadderTier.Entry)
            .Build();
        var plan = new MembershipPlanBuilder()
            .AddTier("basic", "Basic", Money.Usd(10m), t => t.Entitle("basic-seat").WithTermMonths(1))
            .AddTier("pro", "Pro", Money.Usd(20m), t => t.Entitle("pro-seat").WithTermMonths(1))
            .WithTimeZone("UTC")
            .Build(catalog);
        var desk = new MembershipDesk(plan, _clock);
        _clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
        var m = desk.Purchase(Alice, "basic").Membership;
        _clock.SetUtcNow(new DateTimeOffset(2026, 4, 16, 0, 0, 0, TimeSpan.Zero)); // 15 of 30 days left

        var quote = desk.QuoteUpgrade(m, "pro");

        Assert.Equal((Money.Usd(5m), Money.Usd(10m), Money.Usd(5m)), (quote.Credit, quote.Price, quote.AmountDue));
        Assert.Equal(new TermPeriod(new DateOnly(2026, 4, 16), new DateOnly(2026, 5, 1)), quote.Term);
    }

    [Fact]
    public void Seed_upgrade_vip_to_ka_on_1_september_credits_the_unused_181_of_365_days()
    {
        // 3,600 × 181/365 = 1,785.205… → 1,785.21 (largest remainder over used 184 and unused 181 days);
        // KA for the same 181 days: 120,000 × 181/365 = 59,506.849… → 59,506.85; due 57,721.64.
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2026, 9, 1);

        var change = _desk.Upgrade(m, SeedBusiness.Ka);

        var credited = change.Events.OfType<UpgradeCredited>().Single();
        var upgraded = change.Events.OfType<MembershipUpgraded>().Single();
        Assert.Equal((Money.Cny(1785.21m), Money.Cny(0m)), (credited.Credit, credited.ConsumedValue));
        Assert.Equal((Money.Cny(59_506.85m), Money.Cny(1785.21m), Money.Cny(57_721.64m)), (upgraded.Price, upgraded.CreditApplied, upgraded.Charged));
        Assert.Equal(new TermPeriod(new DateOnly(2026, 9, 1), new DateOnly(2027, 3, 1)), upgraded.Term);
        Assert.Equal(3, change.Events.OfType<EntitlementRevoked>().Count());
        // half a KA term grants the unlimited entitlements; each one-off quota of 1 prorated by 181/365 rounds down to none.
        Assert.Equal([SeedBusiness.OnlineCourses, SeedBusiness.CommunityService], change.Events.OfType<EntitlementGranted>().Select(g => g.ProductId));
        Assert.Equal(("ka", Money.Cny(61_321.64m)), (change.Membership.TierId, change.Membership.TotalPaid));
    }

    [Fact]
    public void An_attended_offline_course_is_not_credited_again_on_upgrade()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2026, 3, 20);
        m = _desk.Consume(m, SeedBusiness.OfflineCourse, "attendance-1").Membership;
        At(2026, 4, 1);

        var quote = _desk.QuoteUpgrade(m, SeedBusiness.Ka);

        // unused 334 of 365 days: 3,600 × 334/365 = 3,294.25; minus the course's 2,980 standalone value.
        Assert.Equal((Money.Cny(314.25m), Money.Cny(2980m)), (quote.Credit, quote.ConsumedValue));
    }

    [Fact]
    public void The_credit_is_never_negative_when_consumption_outweighs_the_unused_time()
    {
        var m = _desk.Consume(_desk.Purchase(Alice, SeedBusiness.Vip).Membership, SeedBusiness.OfflineCourse, "a").Membership;
        At(2026, 9, 1);

        var quote = _desk.QuoteUpgrade(m, SeedBusiness.Ka);

        Assert.Equal((Money.Cny(0m), Money.Cny(59_506.85m)), (quote.Credit, quote.AmountDue));
    }

    [Fact]
    public void Restarting_the_term_on_upgrade_charges_the_full_new_price_less_the_credit()
    {
        var desk = new MembershipDesk(new MembershipPlanBuilder().UseSeedBusiness().WithUpgrades(UpgradeTiming.Immediately, UpgradeTermPolicy.RestartTerm).Build(SeedBusiness.CreateCatalog()), _clock);
        var m = desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2026, 9, 1);

        var quote = desk.QuoteUpgrade(m, SeedBusiness.Ka);

        Assert.Equal((Money.Cny(118_214.79m), new TermPeriod(new DateOnly(2026, 9, 1), new DateOnly(2027, 9, 1))), (quote.AmountDue, quote.Term));
    }

    [Fact]
    public void Whole_month_day_count_treats_a_started_month_as_used()
    {
        var desk = new MembershipDesk(new MembershipPlanBuilder().UseSeedBusiness().WithUpgrades(UpgradeTiming.Immediately, UpgradeTermPolicy.KeepTermEnd, DayCount.WholeMonths).Build(SeedBusiness.CreateCatalog()), _clock);
        var m = desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2026, 9, 2); // five whole months to 1 March left

        var quote = desk.QuoteUpgrade(m, SeedBusiness.Ka);

        Assert.Equal((Money.Cny(1500m), Money.Cny(50_000m)), (quote.Credit, quote.Price));
    }

    [Fact]
    public void An_upgrade_at_term_end_is_scheduled_and_applied_by_the_next_renewal()
    {
        var desk = new MembershipDesk(new MembershipPlanBuilder().UseSeedBusiness().WithUpgrades(UpgradeTiming.AtTermEnd).Build(SeedBusiness.CreateCatalog()), _clock);
        var m = desk.Purchase(Alice, SeedBusiness.Vip).Membership;

        var scheduled = desk.Upgrade(m, SeedBusiness.Ka);
        At(2027, 2, 1);
        var renewed = desk.Renew(scheduled.Membership);

        Assert.Equal(new TierChangeScheduled(Alice, "ka", new DateOnly(2027, 3, 1), new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8))), scheduled.Events.Single());
        Assert.Equal(("ka", Money.Cny(120_000m)), (renewed.Events.OfType<MembershipRenewed>().Single().TierId, renewed.Events.OfType<MembershipRenewed>().Single().Paid));
        Assert.Null(renewed.Membership.ScheduledTierId);
    }

    [Fact]
    public void A_downgrade_takes_effect_at_the_end_of_the_term()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Ka).Membership;
        At(2026, 6, 1);

        var scheduled = _desk.Downgrade(m, SeedBusiness.Vip).Membership;
        At(2027, 3, 5);
        var renewed = _desk.Renew(scheduled);

        Assert.Equal(("ka", "vip"), (scheduled.TierId, scheduled.ScheduledTierId));
        Assert.Equal(new MembershipRenewed(Alice, "vip", new TermPeriod(new DateOnly(2027, 3, 1), new DateOnly(2028, 3, 1)), Money.Cny(3600m), Money.Cny(0m), _clock.GetUtcNow()), renewed.Events.OfType<MembershipRenewed>().Single());
    }

    [Fact]
    public void Upgrades_and_downgrades_in_the_wrong_direction_or_to_unknown_tiers_are_refused()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;

        Assert.Equal(ErrorCodes.NotAnUpgrade, _desk.TryUpgrade(m, SeedBusiness.GiftPackTier).Refusals.Single().Code);
        Assert.Equal(ErrorCodes.NotAnUpgrade, _desk.TryUpgrade(m, SeedBusiness.Vip).Refusals.Single().Code);
        Assert.Equal(ErrorCodes.UnknownMembershipTier, _desk.TryUpgrade(m, "gold").Refusals.Single().Code);
        Assert.Equal(ErrorCodes.NotADowngrade, Assert.Throws<MembershipRefusedException>(() => _desk.Downgrade(m, SeedBusiness.Ka)).ErrorCode);
        Assert.Throws<UnknownMembershipTierException>(() => _desk.Downgrade(m, "gold"));
        At(2027, 3, 1);
        Assert.Equal(ErrorCodes.MembershipNotActive, Assert.Throws<MembershipRefusedException>(() => _desk.Upgrade(m, SeedBusiness.Ka)).ErrorCode);
        Assert.Equal(ErrorCodes.MembershipNotActive, Assert.Throws<MembershipRefusedException>(() => _desk.QuoteUpgrade(m, SeedBusiness.Ka)).ErrorCode);
    }

    [Fact]
    public void A_refund_inside_the_cooling_off_window_returns_everything_but_the_attended_course()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2026, 3, 3);
        m = _desk.Consume(m, SeedBusiness.OfflineCourse, "attendance-1").Membership;
        At(2026, 3, 5);

        var change = _desk.Refund(m);

        Assert.Equal(new MembershipRefunded(Alice, "vip", Money.Cny(620m), RefundBasis.CoolingOff, Money.Cny(2980m), _clock.GetUtcNow()), change.Events[^1]);
        Assert.Equal(3, change.Events.OfType<EntitlementRevoked>().Count());
        Assert.Equal((MembershipStatus.Refunded, Money.Cny(620m)), (change.Membership.Status, change.Membership.TotalRefunded));
        Assert.Empty(change.Membership.Entitlements);
    }

    [Fact]
    public void A_refund_after_cooling_off_is_pro_rata_265_of_365_days_on_day_100()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2026, 6, 9);

        var quote = _desk.QuoteRefund(m);

        Assert.Equal(new RefundQuote("vip", Money.Cny(2613.70m), RefundBasis.ProRata, Money.Cny(0m)), quote);
    }

    [Fact]
    public void A_refund_after_vip_to_ka_accounts_for_both_payments_and_never_exceeds_them()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2026, 9, 1);
        m = _desk.Upgrade(m, SeedBusiness.Ka).Membership;
        At(2026, 9, 3);

        var refund = _desk.Refund(m).Membership;

        // inside the upgrade's cooling-off window: the whole KA segment (credit 1,785.21 + cash 57,721.64).
        Assert.Equal(Money.Cny(59_506.85m), refund.TotalRefunded);
        Assert.True(refund.TotalRefunded <= refund.TotalPaid);
        Assert.Equal(Money.Cny(3600m + 57_721.64m), refund.TotalPaid);
    }

    [Fact]
    public void An_upgrade_on_the_last_day_of_the_vip_term_does_not_sell_the_ka_courses_for_one_day_of_ka()
    {
        // One day of KA costs 120,000 × 1/365 = 328.77; the three back-end courses are worth 193,840 à la carte.
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2027, 2, 28);

        var change = _desk.Upgrade(m, SeedBusiness.Ka);

        var upgraded = change.Events.OfType<MembershipUpgraded>().Single();
        Assert.Equal((Money.Cny(328.77m), new TermPeriod(new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 1))), (upgraded.Price, upgraded.Term));
        var today = _desk.Today;
        Assert.Equal([0, 0, 0, 0], [
            change.Membership.Balance(SeedBusiness.BackEndCapital, today),
            change.Membership.Balance(SeedBusiness.BackEndOperations, today),
            change.Membership.Balance(SeedBusiness.PrivateBoard, today),
            change.Membership.Balance(SeedBusiness.OfflineCourse, today)]);
        Assert.Null(change.Membership.Balance(SeedBusiness.OnlineCourses, today)); // unlimited use is time, prorated by the term itself
    }

    [Fact]
    public void A_mid_term_upgrade_grants_each_one_off_quota_prorated_to_the_part_of_the_term_paid_for_rounded_down()
    {
        var plan = new MembershipPlanBuilder()
            .AddTier("basic", "Basic", Money.Cny(1200m), t => t.Entitle(SeedBusiness.OnlineCourses))
            .AddTier("plus", "Plus", Money.Cny(12_000m), t => t.Including("basic").Entitle(SeedBusiness.OfflineCourse, 12).Entitle(SeedBusiness.BackEndCapital, 1))
            .Build(SeedBusiness.CreateCatalog());
        var desk = new MembershipDesk(plan, _clock);
        var m = desk.Purchase(Alice, "basic").Membership;
        At(2026, 9, 1); // 181 of 365 days left: 12 × 181/365 = 5.95 → 5; 1 × 181/365 → 0

        var change = desk.Upgrade(m, "plus");

        Assert.Equal(5, change.Membership.Balance(SeedBusiness.OfflineCourse, desk.Today));
        Assert.Equal(0, change.Membership.Balance(SeedBusiness.BackEndCapital, desk.Today));
    }

    [Fact]
    public void Restarting_the_term_on_upgrade_grants_the_full_quotas_for_the_full_price()
    {
        var desk = new MembershipDesk(new MembershipPlanBuilder().UseSeedBusiness().WithUpgrades(UpgradeTiming.Immediately, UpgradeTermPolicy.RestartTerm).Build(SeedBusiness.CreateCatalog()), _clock);
        var m = desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2027, 2, 28);

        var change = desk.Upgrade(m, SeedBusiness.Ka);

        Assert.Equal(Money.Cny(120_000m), change.Events.OfType<MembershipUpgraded>().Single().Price);
        Assert.Equal(1, change.Membership.Balance(SeedBusiness.PrivateBoard, desk.Today));
    }

    [Fact]
    public void An_upgrade_inside_the_cooling_off_window_keeps_cooling_off_so_a_refund_returns_every_fen_paid()
    {
        // VIP 3,600 on 1 March; KA on 3 March for 363 of 365 days at 119,342.47. Before, the credit was the unused
        // 363 days of VIP (3,580.27), 119,362.20 was paid in all and a refund on 5 March returned only 119,342.47.
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2026, 3, 3);
        var upgrade = _desk.Upgrade(m, SeedBusiness.Ka);
        At(2026, 3, 5);

        var refunded = _desk.Refund(upgrade.Membership);

        Assert.Equal(Money.Cny(3600m), upgrade.Events.OfType<UpgradeCredited>().Single().Credit); // still inside VIP's cooling-off
        Assert.Equal(Money.Cny(3600m) + upgrade.Events.OfType<MembershipUpgraded>().Single().Charged, refunded.Membership.TotalPaid);
        Assert.Equal(refunded.Membership.TotalPaid, refunded.Membership.TotalRefunded);
        Assert.Equal(RefundBasis.CoolingOff, refunded.Events.OfType<MembershipRefunded>().Single().Basis);
    }

    [Fact]
    public void Terms_paid_ahead_are_refunded_in_full()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;
        At(2027, 1, 15);
        m = _desk.Renew(m).Membership;
        At(2027, 2, 1);

        var quote = _desk.QuoteRefund(m);

        // the current term: 28 of 365 days unused = 276.16; the next term, not started: 3,600.
        Assert.Equal((Money.Cny(3876.16m), RefundBasis.ProRata), (quote.Amount, quote.Basis));
    }

    [Fact]
    public void A_refunded_membership_cannot_be_renewed_or_refunded_again_but_can_be_bought_anew()
    {
        var m = _desk.Refund(_desk.Purchase(Alice, SeedBusiness.Vip).Membership).Membership;

        Assert.Equal(ErrorCodes.MembershipNotActive, Assert.Throws<MembershipRefusedException>(() => _desk.Renew(m)).ErrorCode);
        Assert.Equal(ErrorCodes.MembershipNotActive, Assert.Throws<MembershipRefusedException>(() => _desk.Refund(m)).ErrorCode);
        var again = _desk.Purchase(Alice, SeedBusiness.Vip, m);
        Assert.Equal((MembershipStatus.Active, Money.Cny(7200m)), (again.Membership.Status, again.Membership.TotalPaid));
    }

    [Fact]
    public void Purchasing_while_active_for_another_member_or_at_a_bad_price_is_refused()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip).Membership;

        var error = Assert.Throws<MembershipRefusedException>(() => _desk.Purchase(2048, SeedBusiness.Ka, m, Money.Usd(1m)));

        Assert.Equal([ErrorCodes.EventOutOfOrder, ErrorCodes.MembershipAlreadyActive, ErrorCodes.InvalidPayment], error.Refusals.Select(r => r.Code));
        Assert.Equal(ErrorCodes.InvalidPayment, Assert.Throws<MembershipRefusedException>(() => _desk.Purchase(7, SeedBusiness.Vip, price: Money.Cny(3600.01m))).ErrorCode);
        Assert.Equal(ErrorCodes.InvalidPayment, Assert.Throws<MembershipRefusedException>(() => _desk.Renew(m, Money.Cny(-1m))).ErrorCode);
        Assert.Throws<UnknownMembershipTierException>(() => _desk.Purchase(7, "gold"));
    }

    [Fact]
    public void A_negotiated_price_is_what_the_term_is_worth_for_credits_and_refunds()
    {
        var m = _desk.Purchase(Alice, SeedBusiness.Vip, price: Money.Cny(2999m), priceReason: "spring discount").Membership;

        Assert.Equal(Money.Cny(2999m), _desk.QuoteRefund(m).Amount);
        Assert.Equal(Money.Cny(2999m), m.Terms[0].Value);
    }

    [Fact]
    public void The_399_gift_pack_makes_the_buyer_a_member_promoter_until_refunded()
    {
        var change = _desk.Purchase(Alice, SeedBusiness.GiftPackTier);

        Assert.Equal(new PromoterRightsGranted(Alice, "gift-pack", Rate.FromPercent(10m), _clock.GetUtcNow()), change.Events[^1]);
        Assert.Equal((true, Rate.FromPercent(10m)), (change.Membership.IsPromoter, change.Membership.ShoppingDiscount));
        Assert.False(_desk.Refund(change.Membership).Membership.IsPromoter);
    }

    [Fact]
    public void Replaying_the_stored_events_rebuilds_the_membership()
    {
        var events = new List<IMembershipEvent>();
        var m = Record(events, _desk.Purchase(Alice, SeedBusiness.Vip));
        At(2026, 4, 2);
        m = Record(events, _desk.Consume(m, SeedBusiness.OfflineCourse, "a-1"));
        At(2026, 9, 1);
        m = Record(events, _desk.Upgrade(m, SeedBusiness.Ka));
        At(2027, 3, 10);
        m = Record(events, _desk.Renew(m));

        Assert.Equal(m, Membership.Replay(events));
        Assert.Equal(m, Membership.Replay(events.ToArray().AsSpan()));
        Assert.Equal(m, events.Skip(1).Aggregate(Membership.Replay(events.Take(1)), (s, e) => s.Apply(e)));
    }

    [Fact]
    public void A_replayer_reused_across_members_rebuilds_each_as_a_fresh_replay_would()
    {
        var vip = _desk.Consume(_desk.Purchase(Alice, SeedBusiness.Vip).Membership, SeedBusiness.OfflineCourse, "a").Membership;
        var bob = _desk.Purchase(2048, SeedBusiness.GiftPackTier);
        var aliceEvents = _desk.Purchase(Alice, SeedBusiness.Vip).Events.Concat(_desk.Consume(_desk.Purchase(Alice, SeedBusiness.Vip).Membership, SeedBusiness.OfflineCourse, "a").Events).ToArray();
        var replayer = new MembershipReplayer();

        var first = replayer.Replay(aliceEvents);
        var second = replayer.Replay(bob.Events.ToArray());

        Assert.Equal(vip, first);
        Assert.Equal(bob.Membership, second);
        Assert.True(first.HasConsumed("a"));
        Assert.False(second.HasConsumed("a"));
        Assert.Equal(ErrorCodes.EventOutOfOrder, Assert.Throws<ReplayException>(() => replayer.Replay([])).ErrorCode);
    }

    [Fact]
    public void Replay_refuses_an_empty_history_mixed_members_and_events_that_do_not_follow()
    {
        var purchase = _desk.Purchase(Alice, SeedBusiness.Vip);
        var stranger = new EntitlementConsumed(2048, SeedBusiness.OfflineCourse, "k", purchase.Membership.Terms[0].Period, _desk.Today, _clock.GetUtcNow());
        var phantom = new EntitlementConsumed(Alice, SeedBusiness.PrivateBoard, "k", purchase.Membership.Terms[0].Period, _desk.Today, _clock.GetUtcNow());
        var twice = new EntitlementConsumed(Alice, SeedBusiness.OfflineCourse, "k", purchase.Membership.Terms[0].Period, _desk.Today, _clock.GetUtcNow());

        Assert.Equal(ErrorCodes.EventOutOfOrder, Assert.Throws<ReplayException>(() => Membership.Replay([])).ErrorCode);
        Assert.Equal(ErrorCodes.EventOutOfOrder, Assert.Throws<ReplayException>(() => Membership.Replay(ReadOnlySpan<IMembershipEvent>.Empty)).ErrorCode);
        Assert.Equal(ErrorCodes.EventOutOfOrder, Assert.Throws<ReplayException>(() => Membership.Replay([twice])).ErrorCode);
        Assert.Equal(ErrorCodes.EventOutOfOrder, Assert.Throws<ReplayException>(() => purchase.Membership.Apply(stranger)).ErrorCode);
        Assert.Equal(ErrorCodes.EventOutOfOrder, Assert.Throws<ReplayException>(() => purchase.Membership.Apply(phantom)).ErrorCode);
        Assert.Equal(ErrorCodes.EventOutOfOrder, Assert.Throws<ReplayException>(() => purchase.Membership.Apply(twice).Apply(twice)).ErrorCode);
    }

    private static Membership Record(List<IMembershipEvent> events, MembershipChange change)
    {
        events.AddRange(change.Events);
        return change.Membership;
    }

    private void At(int year, int month, int day) =>
        _clock.SetUtcNow(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.FromHours(8)));
}
