using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Safeguarding.Core.Data;

/// <summary>
/// New rows an import makes, kept out of EF's change tracker and written with multi-row INSERTs in the import's
/// transaction. EF sends one INSERT a row with its own bookkeeping for each; for the tens of thousands of records a
/// statutory return brings that was most of the import's time. Values go through each column's EF type mapping
/// (its converter and parameter type), so a row reads back exactly as EF would have written it.
/// </summary>
internal sealed class BulkInsert
{
    /// <summary>Below SQLite's 32,766 and PostgreSQL's 65,535 parameters a statement.</summary>
    private const int ParametersPerStatement = 30_000;

    private readonly Dictionary<Type, List<object>> rows = [];

    public void Add<T>(T entity)
        where T : class => (rows.TryGetValue(typeof(T), out var list) ? list : rows[typeof(T)] = []).Add(entity);

    public void Clear() => rows.Clear();

    /// <summary>
    /// Writes the rows of each type in the order given (principals before the rows that refer to them), inside the
    /// open transaction so the import stays all or nothing. What they refer to must already be saved.
    /// </summary>
    public async Task WriteAsync(SafeguardingDbContext db, IReadOnlyList<Type> inOrder, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside the import's transaction, so it is all or nothing.");
        if (rows.Keys.FirstOrDefault(t => !inOrder.Contains(t)) is { } unordered)
        {
            throw new InvalidOperationException($"{unordered.Name} rows were added with no place in the order they are written in.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var type in inOrder.Where(rows.ContainsKey))
        {
            var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var columns = entityType.GetProperties().Select(p => (Property: p, Column: p.GetColumnName(table))).Where(c => c.Column is not null).ToList();
            if (columns.FirstOrDefault(c => c.Property.IsShadowProperty()) is { Property: { } shadow })
            {
                throw new InvalidOperationException($"{type.Name}.{shadow.Name} lives only in EF's tracker, which a bulk insert does not use.");
            }

            var getters = columns.Select(c => c.Property.GetGetter()).ToList();
            var mappings = columns.Select(c => (RelationalTypeMapping)c.Property.GetRelationalTypeMapping()).ToList();
            var header = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column!)))}) VALUES ";
            // SQLite finds a parameter by name with a linear search, so a statement of thousands of them is slow; one row
            // a statement, prepared once and run again with each row's values, is its fast path. PostgreSQL takes many rows a statement.
            var rowsPerStatement = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite" ? 1 : Math.Max(1, ParametersPerStatement / columns.Count);
            DbCommand? command = null;
            try
            {
                foreach (var chunk in rows[type].Chunk(rowsPerStatement))
                {
                    if (command is null || command.Parameters.Count != chunk.Length * columns.Count)
                    {
                        if (command is not null)
                        {
                            await command.DisposeAsync();
                        }

                        command = transaction.Connection!.CreateCommand();
                        command.Transaction = transaction;
                        command.CommandText = header + string.Join(", ", Enumerable.Range(0, chunk.Length).Select(r =>
                            "(" + string.Join(", ", columns.Select((_, c) => Name(r, c))) + ")"));
                    }

                    command.Parameters.Clear();
                    for (var r = 0; r < chunk.Length; r++)
                    {
                        for (var c = 0; c < columns.Count; c++)
                        {
                            command.Parameters.Add(mappings[c].CreateParameter(command, Name(r, c), getters[c].GetClrValue(chunk[r]), columns[c].Property.IsNullable));
                        }
                    }

                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            finally
            {
                if (command is not null)
                {
                    await command.DisposeAsync();
                }
            }

            string Name(int row, int column) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"@p{(row * columns.Count) + column}");
        }
    }
}
