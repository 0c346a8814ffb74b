using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Pathway;

namespace Safeguarding.Core.Tests.Pathway;

/// <summary>Care leaver information (SSDA903 OC3) for birthdays 17 to 21: one row per birthday, corrected in place.</summary>
[Trait("Category", "Database")]
public sealed class CareLeaverRecordingTests : LookedAfterFixture
{
    private async Task<ChangeResult<CareLeaverContact>> RecordAsync(CareLeaverForm form, long? version = null, Guid? personId = null)
    {
        await using var db = Database.NewContext();
        return await new CareLeaverRecording(db, new ChildChronology(db)).RecordAsync(personId ?? ChildId, version, form, Context());
    }

    private static CareLeaverForm Form(int? age = 19, string? inTouch = "YES", string? activity = "F5", string? type = "D", bool? suitable = true) =>
        new(age, inTouch, activity, type, suitable);

    [Fact]
    public async Task ABirthday_IsRecorded_WithItsDate_AndTheAccommodationCode()
    {
        await CarePeriodAsync(ChildId, new DateOnly(2020, 5, 1), new DateOnly(2024, 4, 1));

        var result = await RecordAsync(Form(type: "Z", suitable: false));

        Succeeded(result);
        Assert.Equal((19, new DateOnly(2025, 4, 1), "YES", "F5", "Z2"), (result.Value!.Age, result.Value.Birthday, result.Value.InTouch, result.Value.Activity, result.Value.Accommodation));
        Assert.Contains(nameof(CareLeaverContactRecorded), await EventTypesAsync());
        Assert.Equal("Care leaver information recorded for their 19th birthday", Assert.Single(await EntriesAsync()).Summary);
    }

    [Fact]
    public async Task RecordingTheSameBirthdayAgain_CorrectsTheRow_AtTheVersionSeen()
    {
        await CarePeriodAsync(ChildId, new DateOnly(2020, 5, 1));
        var first = await RecordAsync(Form());
        Succeeded(first);

        var again = await RecordAsync(Form(inTouch: "NO", activity: "G5", type: "0", suitable: null), version: first.Value!.Version);

        Succeeded(again);
        await using var db = Database.NewContext();
        var row = await db.CareLeaverContacts.SingleAsync();
        Assert.Equal((first.Value.Id, "NO", "G5", "0"), (row.Id, row.InTouch, row.Activity, row.Accommodation));
        Assert.Equal(first.Value.Version + 1, row.Version);

        // The first page's version is now stale, and a page that saw no row finds one there.
        Assert.Equal(ChildProtection.ChangedElsewhereMessage, (await RecordAsync(Form(), version: first.Value.Version)).Errors[ChildProtection.ChangedElsewhere]);
        Assert.Equal(ChildProtection.ChangedElsewhereMessage, (await RecordAsync(Form(), version: null)).Errors[ChildProtection.ChangedElsewhere]);
        Assert.Equal("NO", (await db.CareLeaverContacts.AsNoTracking().SingleAsync()).InTouch);
    }

    [Fact]
    public async Task SomeoneWithoutADateOfBirth_OrNeverLookedAfter_IsRefused()
    {
        Assert.StartsWith("They have never been looked after", (await RecordAsync(Form())).Errors[""], StringComparison.Ordinal);

        var unknown = await PersonAsync(null);
        await CarePeriodAsync(unknown, new DateOnly(2020, 5, 1));
        Assert.StartsWith("Their date of birth is not recorded", (await RecordAsync(Form(), personId: unknown)).Errors[""], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(22)]
    [InlineData(null)]
    public async Task OnlyBirthdays17To21_CanBeRecorded(int? age)
    {
        await CarePeriodAsync(ChildId, new DateOnly(2020, 5, 1));
        Assert.Equal("Select the birthday the information is about, from 17 to 21", (await RecordAsync(Form(age: age))).Errors["Age"]);
    }

    [Fact]
    public async Task AFutureBirthday_IsRefused()
    {
        await CarePeriodAsync(ChildId, new DateOnly(2020, 5, 1));
        Assert.Equal("Their 21st birthday is on 1 April 2027: record it on or after that day", (await RecordAsync(Form(age: 21))).Errors["Age"]);
    }

    [Fact]
    public async Task Codes_AreCheckedAgainstTheSsda903Sets()
    {
        await CarePeriodAsync(ChildId, new DateOnly(2020, 5, 1));
        var result = await RecordAsync(Form(inTouch: "MAYBE", activity: "X9", type: "Q"));
        Assert.Equal("Select whether the local authority is in touch with them", result.Errors["InTouch"]);
        Assert.Equal("Select their main activity", result.Errors["Activity"]);
        Assert.Equal("Select their accommodation, or that it is not known", result.Errors["AccommodationType"]);
        Assert.Equal("Select whether the accommodation is suitable", (await RecordAsync(Form(suitable: null))).Errors["AccommodationSuitable"]);
    }

    [Theory]
    [InlineData(17, "17th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(23, "23rd")]
    [InlineData(11, "11th")]
    public void Ordinals_ReadAsWords(int age, string expected) => Assert.Equal(expected, CareLeaverRecording.Ordinal(age));
}
