using NetArchTest.Rules;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Tests.Architecture;

public sealed class BoundaryTests
{
    [Fact]
    public void Core_DoesNotDependOnTheWebFramework()
    {
        // Identity's store types carry the Microsoft.AspNetCore.Identity namespace but live in
        // Microsoft.Extensions.Identity.*, which has no web dependency; everything else is forbidden.
        var result = Types.InAssembly(typeof(SafeguardingDbContext).Assembly)
            .ShouldNot()
            .HaveDependencyOnAny(
                "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Razor",
                "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Authorization",
                "Microsoft.AspNetCore.Routing", "Safeguarding.Web")
            .GetResult();

        Assert.True(result.IsSuccessful, "Core types that depend on ASP.NET: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Core_DoesNotDependOnADatabaseProvider()
    {
        var result = Types.InAssembly(typeof(SafeguardingDbContext).Assembly)
            .ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore.Sqlite", "Npgsql", "Microsoft.Data.Sqlite")
            .GetResult();

        Assert.True(result.IsSuccessful, "Core types tied to one database: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
