using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Exports.StateData;

/// <summary>One column of an exported file: its header, its type in words, and what it holds.</summary>
public sealed record StateDataColumn(string Name, string Type, string Description);

/// <summary>
/// One CSV file of a state's export: the rows of one entity set of the model that belong to the state. Its columns
/// are read from the EF model (every mapped property, owned parts flattened, JSON-mapped parts as one JSON cell),
/// less the ones <see cref="StateDataTables.Withheld"/> names, so a property added to the model is exported, and
/// described in the README, without anyone remembering to.
/// </summary>
public abstract class StateDataTable(string fileName, string description)
{
    public string FileName { get; } = fileName;
    public string Description { get; } = description;
    public abstract Type EntityType { get; }

    public abstract IReadOnlyList<StateDataColumn> Columns(IModel model);

    /// <summary>The state's rows, each already formatted as the CSV cells of <see cref="Columns"/>, streamed without tracking.</summary>
    public abstract IAsyncEnumerable<string?[]> RowsAsync(RegistryDbContext db, StateCode state, CancellationToken cancellationToken);

    /// <summary>How many rows <see cref="RowsAsync"/> gives, counted by the database.</summary>
    public abstract Task<int> CountAsync(RegistryDbContext db, StateCode state, CancellationToken cancellationToken);
}

public sealed class StateDataTable<T>(string fileName, string description, Func<RegistryDbContext, StateCode, IQueryable<T>> rows)
    : StateDataTable(fileName, description) where T : class
{
    public override Type EntityType => typeof(T);

    public override IReadOnlyList<StateDataColumn> Columns(IModel model) => Cells(model).Select(c => c.Column).ToList();

    public override Task<int> CountAsync(RegistryDbContext db, StateCode state, CancellationToken cancellationToken) =>
        rows(db, state).CountAsync(cancellationToken);

    public override async IAsyncEnumerable<string?[]> RowsAsync(RegistryDbContext db, StateCode state,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cells = Cells(db.Model);
        var entityType = db.Model.FindEntityType(typeof(T))!;
        var parts = Parts(entityType);
        var row = Expression.Parameter(typeof(T), "row");
        var projection = Expression.Lambda<Func<T, object?[]>>(
            Expression.NewArrayInit(typeof(object), parts.Select(p => Expression.Convert(
                Expression.Call(typeof(EF), nameof(EF.Property), [p.ClrType], row, Expression.Constant(p.Name)), typeof(object)))),
            row);
        var keys = entityType.FindPrimaryKey()!.Properties;
        var ordered = keys.Skip(1).Aggregate(
            rows(db, state).AsNoTracking().OrderBy(KeyOf(keys[0])),
            (query, key) => query.ThenBy(KeyOf(key)));
        await foreach (var values in ordered.Select(projection).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var line = new string?[cells.Count];
            for (var i = 0; i < cells.Count; i++) line[i] = cells[i].Format(values[cells[i].Part]);
            yield return line;
        }
    }

    private static Expression<Func<T, object>> KeyOf(IProperty key)
    {
        var row = Expression.Parameter(typeof(T), "row");
        return Expression.Lambda<Func<T, object>>(Expression.Convert(
            Expression.Call(typeof(EF), nameof(EF.Property), [key.ClrType], row, Expression.Constant(key.Name)), typeof(object)), row);
    }

    /// <summary>What the query reads: each mapped property, and each owned part as a whole.</summary>
    private static List<(string Name, Type ClrType)> Parts(IEntityType entityType) =>
    [
        .. entityType.GetProperties().Where(p => !StateDataTables.IsWithheld(entityType, p.Name)).Select(p => (p.Name, p.ClrType)),
        .. entityType.GetNavigations().Where(n => n.TargetEntityType.IsOwned()).Select(n => (n.Name, n.ClrType)),
    ];

    private sealed record Cell(StateDataColumn Column, int Part, Func<object?, string?> Format);

    private static List<Cell> Cells(IModel model)
    {
        var entityType = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var parts = Parts(entityType);
        var cells = new List<Cell>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (entityType.FindProperty(parts[i].Name) is { } property)
            {
                cells.Add(new Cell(new StateDataColumn(property.Name, TypeOf(property), DescriptionOf(model, property)), i, value => Text(property, value)));
                continue;
            }
            var navigation = entityType.FindNavigation(parts[i].Name)!;
            var owned = navigation.TargetEntityType;
            if (owned.IsMappedToJson() || navigation.IsCollection)
            {
                cells.Add(new Cell(new StateDataColumn(navigation.Name, "JSON", $"{Words(navigation.Name)}, as a JSON object (its nested values as stored).{Optional(!navigation.ForeignKey.IsRequiredDependent)}"),
                    i, value => value is null ? null : JsonSerializer.Serialize(value, value.GetType())));
                continue;
            }
            foreach (var inner in owned.GetProperties().Where(p => !p.IsShadowProperty() && p.PropertyInfo is not null))
            {
                var getter = inner.GetGetter();
                cells.Add(new Cell(new StateDataColumn($"{navigation.Name}.{inner.Name}", TypeOf(inner), $"{DescriptionOf(model, inner)} Part of {Words(navigation.Name)}."),
                    i, value => value is null ? null : Text(inner, getter.GetClrValue(value))));
            }
        }
        return cells;
    }

    private static string DescriptionOf(IModel model, IProperty property)
    {
        var words = new List<string> { $"{Words(property.Name)}." };
        if (property.IsPrimaryKey()) words.Add("Identifies the row.");
        foreach (var key in property.GetContainingForeignKeys())
            words.Add(StateDataTables.FileOf(key.PrincipalEntityType.ClrType) is { } file ? $"Refers to the {key.PrincipalKey.Properties[0].Name} of {file}." : $"Refers to a {key.PrincipalEntityType.ClrType.Name}.");
        if (property.PropertyInfo?.GetCustomAttribute<PrivateDataAttribute>() is not null) words.Add("PRIVATE: never show it publicly.");
        if (property.IsNullable) words.Add("Empty when not known or not applicable.");
        return string.Join(' ', words);
    }

    private static string Optional(bool optional) => optional ? " Empty when there is none." : "";

    private static string TypeOf(IProperty property)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return type switch
        {
            _ when type == typeof(DateOnly) => "date (yyyy-MM-dd)",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "instant (ISO 8601, UTC)",
            _ when type == typeof(Guid) => "id (UUID)",
            _ when type == typeof(bool) => "true/false",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "whole number",
            _ when type == typeof(decimal) || type == typeof(double) => "number",
            _ when type.IsEnum => $"one of: {string.Join(", ", Enum.GetNames(type))}",
            _ when type == typeof(byte[]) => "bytes (base64)",
            _ when type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "JSON array",
            _ => "text",
        };
    }

    /// <summary>A cell's text: the stored value (as the database holds it, after the model's conversions), in invariant and ISO forms.</summary>
    private static string? Text(IProperty property, object? value)
    {
        if (value is null) return null;
        if (property.GetTypeMapping().Converter is { } converter && !property.ClrType.IsEnum && Nullable.GetUnderlyingType(property.ClrType)?.IsEnum != true)
            value = converter.ConvertToProvider(value);
        return value switch
        {
            null => null,
            string s => CsvText.SafeText(s),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            DateTime t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            byte[] bytes => Convert.ToBase64String(bytes),
            Enum e => e.ToString(),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            System.Collections.IEnumerable list => JsonSerializer.Serialize(list, list.GetType()),
            _ => value.ToString(),
        };
    }

    /// <summary><c>LegalFirstName</c> as "Legal first name".</summary>
    private static string Words(string name)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z0-9])(?=[A-Z])", " ").ToLowerInvariant();
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
