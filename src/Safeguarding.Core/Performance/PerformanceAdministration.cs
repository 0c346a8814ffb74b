using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Performance;

public sealed record TargetForm(string IndicatorCode, int? Year, decimal? Target, decimal? ToleranceLow, decimal? ToleranceHigh, string? Owner);

public sealed record ComparatorForm(string IndicatorCode, ComparatorKind Kind, int? Year, decimal? Value, string? Source);

public sealed record PopulationForm(int? Year, int? Children, string? Source);

public sealed record FigureForm(string IndicatorCode, DateOnly Month, decimal? Numerator, decimal? Denominator, decimal? Value, string? Source);

/// <summary>
/// The performance team's settings: targets and tolerances per year, published comparators, the child
/// population, and figures for indicators not yet calculated from records. Values are in the indicator's
/// unit (a fraction for a percentage). Every change is audited with what it replaced.
/// </summary>
public sealed class PerformanceAdministration(SafeguardingDbContext db)
{
    public const string SubjectType = "PerformanceIndicator";
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public async Task<ChangeResult<IndicatorTarget>> SetTargetAsync(TargetForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var partnershipId = PartnershipOf(context);
        var definition = DefaultIndicators.Find(form.IndicatorCode);
        var errors = new Dictionary<string, string>();
        if (definition is null)
        {
            return ChangeResult<IndicatorTarget>.Refused(nameof(form.IndicatorCode), "Choose an indicator");
        }

        CheckYear(errors, nameof(form.Year), form.Year);
        if (form.Target is null && (form.ToleranceLow is not null || form.ToleranceHigh is not null))
        {
            errors[nameof(form.Target)] = "Enter a target, or clear the tolerance too";
        }

        CheckInRange(errors, definition, nameof(form.Target), form.Target, "target");
        CheckInRange(errors, definition, nameof(form.ToleranceLow), form.ToleranceLow, "lower end of the tolerance");
        CheckInRange(errors, definition, nameof(form.ToleranceHigh), form.ToleranceHigh, "upper end of the tolerance");
        if (form.ToleranceLow > form.ToleranceHigh)
        {
            errors[nameof(form.ToleranceHigh)] = "The upper end of the tolerance must be the same as or more than the lower end";
        }

        var owner = Blank(form.Owner);
        if (owner?.Length > 200)
        {
            errors[nameof(form.Owner)] = "The owner must be 200 characters or fewer";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<IndicatorTarget>(null, errors);
        }

        var target = await db.IndicatorTargets.SingleOrDefaultAsync(
            t => t.PartnershipId == partnershipId && t.IndicatorCode == definition.Code && t.Year == form.Year, cancellationToken);
        var previous = target?.Band;
        if (target is null)
        {
            target = new IndicatorTarget { Id = Guid.CreateVersion7(context.Now), PartnershipId = partnershipId, IndicatorCode = definition.Code, Year = form.Year!.Value };
            db.IndicatorTargets.Add(target);
        }

        target.Target = form.Target;
        target.ToleranceLow = form.ToleranceLow;
        target.ToleranceHigh = form.ToleranceHigh;
        target.Owner = owner;
        target.SetAt = context.Now;
        target.SetByUserId = context.UserId;
        db.Record(new IndicatorTargetSet(definition.Code, target.Year, target.Target, target.ToleranceLow, target.ToleranceHigh, owner,
            previous?.Target, previous?.ToleranceLow, previous?.ToleranceHigh), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<IndicatorTarget>.Done(target);
    }

    public async Task<ChangeResult<IndicatorComparator>> SetComparatorAsync(ComparatorForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = CheckComparator(form, "").Errors;
        if (errors.Count > 0)
        {
            return new ChangeResult<IndicatorComparator>(null, errors);
        }

        var comparator = await StageComparatorAsync(form, context, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<IndicatorComparator>.Done(comparator);
    }

    /// <summary>
    /// Loads comparators from CSV (indicator, comparator, year, value, source; values as the pack shows
    /// them, e.g. 23 for 23%). All or nothing: one bad line and nothing is saved, every bad line is reported.
    /// </summary>
    public async Task<ChangeResult<int>> ImportComparatorsAsync(string csv, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var (forms, errors) = ComparatorCsv.Parse(csv);
        // Check every line before staging any, so a refused file queues no audit events.
        foreach (var (line, form) in forms)
        {
            foreach (var error in CheckComparator(form, $"Line {line}: ").Errors)
            {
                errors.TryAdd($"line{line}", error.Value);
            }
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<int>(0, errors);
        }

        if (forms.Count == 0)
        {
            return ChangeResult<int>.Refused("File", "The file has no comparators in it");
        }

        foreach (var (_, form) in forms)
        {
            await StageComparatorAsync(form, context, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<int>.Done(forms.Count);
    }

    public async Task<ChangeResult<ChildPopulation>> SetPopulationAsync(PopulationForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var partnershipId = PartnershipOf(context);
        var errors = new Dictionary<string, string>();
        CheckYear(errors, nameof(form.Year), form.Year);
        if (form.Children is not > 0)
        {
            errors[nameof(form.Children)] = "Enter the number of children aged 0 to 17, a whole number more than 0";
        }

        var source = Blank(form.Source);
        CheckSource(errors, nameof(form.Source), source, "Enter where the population figure comes from, for example ONS mid-year estimate 2021");
        if (errors.Count > 0)
        {
            return new ChangeResult<ChildPopulation>(null, errors);
        }

        var population = await db.ChildPopulations.SingleOrDefaultAsync(p => p.PartnershipId == partnershipId && p.Year == form.Year, cancellationToken);
        var previous = population?.Children;
        if (population is null)
        {
            population = new ChildPopulation { Id = Guid.CreateVersion7(context.Now), PartnershipId = partnershipId, Year = form.Year!.Value, Source = source! };
            db.ChildPopulations.Add(population);
        }

        population.Children = form.Children!.Value;
        population.Source = source!;
        population.RecordedAt = context.Now;
        population.RecordedByUserId = context.UserId;
        db.Record(new ChildPopulationSet(population.Year, population.Children, population.Source, previous), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<ChildPopulation>.Done(population);
    }

    /// <summary>Enters a month's figure kept before the system held the records (used only for a month with none); a percentage's value is worked out from its numerator and denominator.</summary>
    public async Task<ChangeResult<IndicatorFigure>> EnterFigureAsync(FigureForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var partnershipId = PartnershipOf(context);
        var definition = DefaultIndicators.Find(form.IndicatorCode);
        if (definition is null)
        {
            return ChangeResult<IndicatorFigure>.Refused(nameof(form.IndicatorCode), "Choose an indicator");
        }

        var month = PerformanceMonths.StartOf(form.Month);
        var errors = new Dictionary<string, string>();
        if (month > PerformanceMonths.StartOf(LondonToday(context)))
        {
            errors[nameof(form.Month)] = "The month must be this month or earlier";
        }

        if (await db.PerformancePackSignOffs.AnyAsync(s => s.PartnershipId == partnershipId && s.Month == month, cancellationToken))
        {
            errors[""] = $"The pack for {PerformanceMonths.Name(month)} has been signed off, so its figures are locked";
        }

        decimal? value = form.Value;
        if (definition.Format == IndicatorFormat.Percent)
        {
            if (form.Numerator is not >= 0)
            {
                errors[nameof(form.Numerator)] = $"Enter the number: {definition.NumeratorLabel.ToLowerInvariant()}";
            }

            if (form.Denominator is not > 0)
            {
                errors[nameof(form.Denominator)] = $"Enter the total: {definition.DenominatorLabel!.ToLowerInvariant()}, more than 0";
            }
            else if (form.Numerator > form.Denominator)
            {
                errors[nameof(form.Numerator)] = "The number cannot be more than the total";
            }

            value = form.Numerator >= 0 && form.Denominator > 0 ? form.Numerator / form.Denominator : null;
        }
        else if (value is not >= 0)
        {
            errors[nameof(form.Value)] = $"Enter the figure: {definition.NumeratorLabel.ToLowerInvariant()}, 0 or more";
        }

        var source = Blank(form.Source);
        CheckSource(errors, nameof(form.Source), source, "Enter where the figure comes from, for example the HR establishment report");
        if (errors.Count > 0)
        {
            return new ChangeResult<IndicatorFigure>(null, errors);
        }

        var figure = await db.IndicatorFigures.SingleOrDefaultAsync(f => f.PartnershipId == partnershipId && f.IndicatorCode == definition.Code && f.Month == month, cancellationToken);
        var previous = figure?.Value;
        if (figure is null)
        {
            figure = new IndicatorFigure { Id = Guid.CreateVersion7(context.Now), PartnershipId = partnershipId, IndicatorCode = definition.Code, Month = month, Source = source! };
            db.IndicatorFigures.Add(figure);
        }

        figure.Numerator = definition.Format == IndicatorFormat.Percent ? form.Numerator : null;
        figure.Denominator = definition.Format == IndicatorFormat.Percent ? form.Denominator : null;
        figure.Value = value!.Value;
        figure.Source = source!;
        figure.RecordedAt = context.Now;
        figure.RecordedByUserId = context.UserId;
        db.Record(new IndicatorFigureEntered(definition.Code, month, figure.Numerator, figure.Denominator, figure.Value, figure.Source, previous), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<IndicatorFigure>.Done(figure);
    }

    private static (IndicatorDefinition? Definition, Dictionary<string, string> Errors) CheckComparator(ComparatorForm form, string prefix)
    {
        var errors = new Dictionary<string, string>();
        var definition = DefaultIndicators.Find(form.IndicatorCode);
        if (definition is null)
        {
            errors[nameof(form.IndicatorCode)] = prefix + $"there is no indicator called {form.IndicatorCode}";
            return (null, errors);
        }

        CheckYear(errors, nameof(form.Year), form.Year, prefix);
        if (form.Value is not >= 0)
        {
            errors[nameof(form.Value)] = prefix + "Enter the published figure, 0 or more";
        }
        else
        {
            CheckInRange(errors, definition, nameof(form.Value), form.Value, "published figure", prefix);
        }

        CheckSource(errors, nameof(form.Source), Blank(form.Source), prefix + "Enter where the figure was published, for example DfE Characteristics of children in need 2019-20");
        return (definition, errors);
    }

    private async Task<IndicatorComparator> StageComparatorAsync(ComparatorForm form, ProcessContext context, CancellationToken cancellationToken)
    {
        var partnershipId = PartnershipOf(context);
        var code = DefaultIndicators.Find(form.IndicatorCode)!.Code;
        var source = Blank(form.Source)!;
        // A file may name the same comparator twice: the later line wins, as it would typed in.
        var comparator = db.IndicatorComparators.Local.SingleOrDefault(c => c.PartnershipId == partnershipId && c.IndicatorCode == code && c.Kind == form.Kind && c.Year == form.Year)
            ?? await db.IndicatorComparators.SingleOrDefaultAsync(
                c => c.PartnershipId == partnershipId && c.IndicatorCode == code && c.Kind == form.Kind && c.Year == form.Year, cancellationToken);
        var previous = comparator?.Value;
        if (comparator is null)
        {
            comparator = new IndicatorComparator
            {
                Id = Guid.CreateVersion7(context.Now),
                PartnershipId = partnershipId,
                IndicatorCode = code,
                Kind = form.Kind,
                Year = form.Year!.Value,
                Source = source,
            };
            db.IndicatorComparators.Add(comparator);
        }

        comparator.Value = form.Value!.Value;
        comparator.Source = source;
        comparator.RecordedAt = context.Now;
        comparator.RecordedByUserId = context.UserId;
        db.Record(new IndicatorComparatorSet(code, form.Kind, comparator.Year, comparator.Value, comparator.Source, previous), context);
        return comparator;
    }

    private static void CheckYear(Dictionary<string, string> errors, string field, int? year, string prefix = "")
    {
        if (year is not (>= FirstYear and <= LastYear))
        {
            errors[field] = prefix + $"Enter the year the financial year starts, for example 2025 for 2025/26, between {FirstYear} and {LastYear}";
        }
    }

    private static void CheckInRange(Dictionary<string, string> errors, IndicatorDefinition definition, string field, decimal? value, string what, string prefix = "")
    {
        if (value is null)
        {
            return;
        }

        if (value < 0)
        {
            errors[field] = prefix + $"The {what} must be 0 or more";
        }
        else if (definition.Format == IndicatorFormat.Percent && value > 1)
        {
            errors[field] = prefix + $"The {what} must be a percentage from 0% to 100%";
        }
    }

    private static void CheckSource(Dictionary<string, string> errors, string field, string? source, string missing)
    {
        if (source is null)
        {
            errors[field] = missing;
        }
        else if (source.Length > 300)
        {
            errors[field] = "The source must be 300 characters or fewer";
        }
    }

    private static Guid PartnershipOf(ProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.PartnershipId ?? throw new InvalidOperationException("Performance settings belong to a partnership.");
    }

    internal static DateOnly LondonToday(ProcessContext context) => Calendar.LondonTime.DateOf(context.Now);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
