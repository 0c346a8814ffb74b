namespace Safeguarding.Core.Returns.Ssda903;

/// <summary>
/// One table of an SSDA903 return (header, episodes, reviews, ...) as its CSV file holds it: the columns in file
/// order and every row's values as the text written or read. The export builds these, the files are written and
/// read from them, and the DfE validation rules run over them, so an exported and an imported return are checked alike.
/// </summary>
public sealed record Ssda903Table(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The value of a column in a row ("" when blank); the column must be one of the table's.</summary>
    public string Value(int row, string column)
    {
        var index = IndexOf(column);
        return index < 0 ? throw new ArgumentException($"{Name} has no column {column}", nameof(column)) : Rows[row][index];
    }

    /// <summary>The column's position, or -1 when the table does not have it.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>An SSDA903 return for a collection year (1 April to 31 March, named by the year it ends in): its tables by name as the specification names them.</summary>
public sealed record Ssda903Return(int CollectionYear, IReadOnlyDictionary<string, Ssda903Table> Tables);
