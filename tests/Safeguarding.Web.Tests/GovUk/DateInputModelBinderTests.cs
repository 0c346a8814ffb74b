using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;
using Safeguarding.Web.GovUk;

namespace Safeguarding.Web.Tests.GovUk;

public sealed class DateInputModelBinderTests
{
    private sealed class Form
    {
        public DateOnly? DateOfBirth { get; set; }
    }

    internal static async Task<ModelBindingContext> BindAsync(params (string Key, string Value)[] values)
    {
        var query = new QueryCollection(values.ToDictionary(v => v.Key, v => new StringValues(v.Value)));
        var valueProvider = new QueryStringValueProvider(BindingSource.Query, query, CultureInfo.InvariantCulture);
        var metadata = new EmptyModelMetadataProvider().GetMetadataForProperty(typeof(Form), nameof(Form.DateOfBirth));
        var context = DefaultModelBindingContext.CreateBindingContext(
            new ActionContext { HttpContext = new DefaultHttpContext() }, valueProvider, metadata, bindingInfo: null, modelName: nameof(Form.DateOfBirth));
        var binder = new DateInputModelBinder(new SimpleTypeModelBinder(typeof(DateOnly?), NullLoggerFactory.Instance));
        await binder.BindModelAsync(context);
        return context;
    }

    private static string? Error(ModelBindingContext context) =>
        context.ModelState.TryGetValue("DateOfBirth", out var e) ? e.Errors.SingleOrDefault()?.ErrorMessage : null;

    [Fact]
    public async Task Bind_RealDate_GivesDateOnly()
    {
        var context = await BindAsync(("DateOfBirth-day", "29"), ("DateOfBirth-month", "2"), ("DateOfBirth-year", "2024"));
        Assert.True(context.Result.IsModelSet);
        Assert.Equal(new DateOnly(2024, 2, 29), context.Result.Model);
    }

    [Fact]
    public async Task Bind_MonthName_IsAccepted()
    {
        var context = await BindAsync(("DateOfBirth-day", "3"), ("DateOfBirth-month", "Jan"), ("DateOfBirth-year", "2024"));
        Assert.Equal(new DateOnly(2024, 1, 3), context.Result.Model);
    }

    [Fact]
    public async Task Bind_AllPartsEmpty_GivesNullWithoutError()
    {
        var context = await BindAsync(("DateOfBirth-day", ""), ("DateOfBirth-month", ""), ("DateOfBirth-year", ""));
        Assert.True(context.Result.IsModelSet);
        Assert.Null(context.Result.Model);
        Assert.Null(Error(context));
    }

    [Theory]
    [InlineData("31", "2", "2023", "DateOfBirth must be a real date")]
    [InlineData("1", "13", "2023", "DateOfBirth must be a real date")]
    [InlineData("x", "1", "2023", "DateOfBirth must be a real date")]
    [InlineData("1", "", "2023", "DateOfBirth must include a month")]
    [InlineData("", "", "2023", "DateOfBirth must include a day and month")]
    [InlineData("1", "2", "23", "Year must include 4 numbers")]
    public async Task Bind_ImpossibleOrIncompleteDate_AddsModelError(string day, string month, string year, string message)
    {
        var context = await BindAsync(("DateOfBirth-day", day), ("DateOfBirth-month", month), ("DateOfBirth-year", year));
        Assert.False(context.Result.IsModelSet);
        Assert.Equal(message, Error(context));
        Assert.Equal(day, context.ModelState["DateOfBirth-day"]!.AttemptedValue);
    }

    [Fact]
    public async Task Bind_NoParts_FallsBackToSingleValue()
    {
        var context = await BindAsync(("DateOfBirth", "2024-05-01"));
        Assert.Equal(new DateOnly(2024, 5, 1), context.Result.Model);
    }
}
