using System.Collections.Immutable;

namespace CommunityModel.Commissions.Staff;

/// <summary>
/// A validated, immutable staff profit-sharing schedule (内部员工分润递进): sales, customer-service or
/// supervisor staff earn progressive rates by their period sales volume, either on the whole volume at
/// the rate of the band reached or marginally per band, like tax brackets.
/// </summary>
/// <remarks>
/// <para>
/// Marginal pay is rounded once on the running total, band by band: band <c>i</c> pays
/// <c>R(Σ_{j≤i} slice_j × rate_j) − R(Σ_{j&lt;i} slice_j × rate_j)</c>, so the portions add up to the rounded exact
/// total and no fen is lost between bands.
/// </para>
/// <para>
/// A period's pay is then allocated back to the order lines that made the volume by largest remainder,
/// weighted by their bases (<see cref="Settle"/>): the lines add up to the pay exactly, and refunding an
/// order line's commission reverses exactly its share.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var sales = new StaffScheduleBuilder("sales", StaffBandMode.Marginal)
///     .Band(Money.Cny(0m), Rate.FromPercent(1))
///     .Band(Money.Cny(50_000m), Rate.FromPercent(2))
///     .Band(Money.Cny(200_000m), Rate.FromPercent(3))
///     .Build();
/// var pay = sales.PayFor(Money.Cny(120_000m));   // 500.00 + 1,400.00 = ¥1,900.00
/// </code>
/// </example>
public sealed class StaffSchedule
{
    private StaffSchedule(StaffScheduleOptions options)
    {
        Name = options.Name;
        Currency = options.Currency;
        Mode = options.Mode;
        Rounding = options.Rounding;
        Bands = [.. options.Bands.Select(b => new StaffBand(b.From!.Value, b.Rate!.Value))];
        Rule = $"{Name}/staff";
    }

    /// <summary>The schedule's name.</summary>
    public string Name { get; }

    /// <summary>The currency of volumes and thresholds.</summary>
    public Currency Currency { get; }

    /// <summary>Whole volume or marginal bands.</summary>
    public StaffBandMode Mode { get; }

    /// <summary>The bands, lowest first.</summary>
    public ImmutableArray<StaffBand> Bands { get; }

    /// <summary>How pay is rounded to the minor unit.</summary>
    public RoundingMode Rounding { get; }

    /// <summary>The rule id of every line this schedule pays: <c>&lt;name&gt;/staff</c>.</summary>
    public string Rule { get; }

    /// <summary>Validates options and creates the schedule.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="CommissionPlanException">The options break a rule; every problem is listed.</exception>
    public static StaffSchedule Create(StaffScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Validate(options);
        return problems.IsEmpty ? new StaffSchedule(options) : throw new CommissionPlanException(options.Name, problems);
    }

    /// <summary>Lists every rule the options break; empty when they make a valid schedule.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The problems, each naming the setting.</returns>
    public static ImmutableArray<string> Validate(StaffScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = ImmutableArray.CreateBuilder<string>();
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            problems.Add("Name is empty; give the schedule a name.");
        }

        if (options.Currency == Currency.None)
        {
            problems.Add("Currency is not set.");
        }

        if (!Enum.IsDefined(options.Mode))
        {
            problems.Add($"Mode '{options.Mode}' is not WholeVolume or Marginal.");
        }

        if (!Enum.IsDefined(options.Rounding))
        {
            problems.Add($"Rounding '{options.Rounding}' is not a rounding mode.");
        }

        if (options.Bands.Count == 0)
        {
            problems.Add("Bands is empty; a schedule needs at least one band, starting at zero.");
        }

        StaffBand? previous = null;
        for (var i = 0; i < options.Bands.Count; i++)
        {
            var where = $"Bands:{i}";
            var band = options.Bands[i];
            if (band.From is not { } from || band.Rate is not { } rate)
            {
                problems.Add($"{where} needs both From and Rate.");
                previous = null;
                continue;
            }

            if (from.Currency != options.Currency)
            {
                problems.Add($"{where}:From is in {from.Currency}, not the schedule's {options.Currency}.");
            }
            else if (i == 0 && !from.IsZero)
            {
                problems.Add($"{where}:From is {from}; the first band starts at zero.");
            }
            else if (previous is { } below && below.From.Currency == from.Currency)
            {
                if (from == below.From)
                {
                    problems.Add($"{where}:From is {from}, the same as Bands:{i - 1}: the bands overlap.");
                }
                else if (from < below.From)
                {
                    problems.Add($"{where}:From is {from}, below Bands:{i - 1} ({below.From}): list the bands lowest first.");
                }
            }

            if (!rate.IsBetweenZeroAndOne)
            {
                problems.Add($"{where}:Rate is {rate}; a rate is 0% to 100%.");
            }
            else if (previous is { } lower && rate < lower.Rate)
            {
                problems.Add($"{where}:Rate is {rate}, less than Bands:{i - 1} ({lower.Rate}): rates are progressive and never decrease.");
            }

            previous = new StaffBand(from, rate);
        }

        return problems.ToImmutable();
    }

    /// <summary>What the schedule pays on a period's sales volume, explained band by band.</summary>
    /// <param name="volume">The period's sales volume, zero or more, in the schedule's currency.</param>
    /// <returns>The pay.</returns>
    /// <exception cref="CommissionException">The volume is negative or in another currency.</exception>
    public StaffPay PayFor(Money volume)
    {
        CheckAmount(volume, "volume");
        var reached = BandIndexOf(volume.MinorUnits);
        var portions = ImmutableArray.CreateBuilder<StaffBandPortion>(Mode == StaffBandMode.WholeVolume ? 1 : reached + 1);
        long total;
        if (Mode == StaffBandMode.WholeVolume)
        {
            var band = Bands[reached];
            total = volume.Multiply(band.Rate, Rounding).MinorUnits;
            portions.Add(new StaffBandPortion(band, volume, Money.FromMinorUnits(total, Currency)));
        }
        else
        {
            var exact = 0m;
            total = 0;
            for (var i = 0; i <= reached; i++)
            {
                var band = Bands[i];
                var top = i + 1 < Bands.Length ? Math.Min(volume.MinorUnits, Bands[i + 1].From.MinorUnits) : volume.MinorUnits;
                var slice = top - band.From.MinorUnits;
                exact += slice * band.Rate.Fraction;
                // The core's one rounding of an exact product: 1 × the running total, to the minor unit.
                var running = Money.FromMinorUnits(1, Currency).Multiply(exact, Rounding).MinorUnits;
                portions.Add(new StaffBandPortion(band, Money.FromMinorUnits(slice, Currency), Money.FromMinorUnits(running - total, Currency)));
                total = running;
            }
        }

        return new StaffPay(Name, Mode, volume, Bands[reached], portions.MoveToImmutable(), Money.FromMinorUnits(total, Currency));
    }

    /// <summary>
    /// Pays a staff member for a period: the schedule's pay on the sum of the sales' bases, allocated back to
    /// the order lines by largest remainder, weighted by their bases. Lines with a zero share are left out.
    /// </summary>
    /// <param name="staff">Who earns.</param>
    /// <param name="sales">The order lines credited to the staff member in the period, each once, bases net of refunds.</param>
    /// <returns>The period's pay and its lines; <c>sum(Lines.Amount) == Pay.Total</c>.</returns>
    /// <exception cref="CommissionException">The staff id is empty, or a sale has an empty or repeated order line id, a negative base or another currency.</exception>
    public StaffPeriodPay Settle(MemberId staff, IEnumerable<StaffSale> sales)
    {
        ArgumentNullException.ThrowIfNull(sales);
        if (staff.IsEmpty)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, "The staff member is empty; name who earns the schedule's pay.");
        }

        var lines = sales as StaffSale[] ?? [.. sales];
        var seen = new HashSet<string>(lines.Length, StringComparer.Ordinal);
        var weights = new long[lines.Length];
        var volume = 0L;
        for (var i = 0; i < lines.Length; i++)
        {
            var sale = lines[i];
            if (string.IsNullOrEmpty(sale.OrderLineId))
            {
                throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"Sale {i} of staff member {staff} has no order line id.");
            }

            if (!seen.Add(sale.OrderLineId))
            {
                throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"Order line '{sale.OrderLineId}' is credited to staff member {staff} twice in the period; list each order line once.");
            }

            CheckAmount(sale.Base, $"base of order line '{sale.OrderLineId}'");
            weights[i] = sale.Base.MinorUnits;
            volume += weights[i];
        }

        var pay = PayFor(Money.FromMinorUnits(volume, Currency));
        if (pay.Total.IsZero)
        {
            return new StaffPeriodPay(staff, pay, []);
        }

        var parts = new long[lines.Length];
        LargestRemainder.Allocate(pay.Total.MinorUnits, weights, parts);
        var result = ImmutableArray.CreateBuilder<StaffLine>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (parts[i] != 0)
            {
                result.Add(new StaffLine(lines[i].OrderLineId, Rule, staff, lines[i].Base, Money.FromMinorUnits(parts[i], Currency)));
            }
        }

        return new StaffPeriodPay(staff, pay, result.ToImmutable());
    }

    /// <summary>The highest band whose threshold the volume (in minor units) reaches; the combined plan's kernel pays banded roles by it.</summary>
    internal int BandIndexOf(long volume)
    {
        var reached = 0;
        for (var i = 1; i < Bands.Length && Bands[i].From.MinorUnits <= volume; i++)
        {
            reached = i;
        }

        return reached;
    }

    private void CheckAmount(Money amount, string what)
    {
        if (amount.Currency != Currency)
        {
            throw new CommissionException(CommissionErrorCodes.OrderCurrency, $"The {what} is in {amount.Currency}; schedule '{Name}' pays in {Currency}.");
        }

        if (amount.IsNegative)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"The {what} is {amount}; it must be zero or more.");
        }
    }
}
