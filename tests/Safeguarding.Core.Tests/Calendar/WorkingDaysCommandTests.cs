using System.Text.Json;
using Safeguarding.Core.Calendar;

namespace Safeguarding.Core.Tests.Calendar;

public class WorkingDaysCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = WorkingDaysCommand.Run(args, TestCalendar.EnglandAndWales, stdout, stderr);
        return (exit, stdout.ToString().TrimEnd('\n'), stderr.ToString().TrimEnd('\n'));
    }

    [Fact]
    public void Add_PrintsTheDateForAPerson()
    {
        var (exit, output, error) = Run("add", "2025-04-17", "5");
        Assert.Equal(0, exit);
        Assert.Equal("Mon 28 Apr 2025 (5 working days after Thu 17 Apr 2025)", output);
        Assert.Empty(error);
    }

    [Fact]
    public void Add_SaysWhenCountingStartedFromTheNextWorkingDay()
    {
        var (_, output, _) = Run("add", "2025-04-19", "1");
        Assert.Equal("Wed 23 Apr 2025 (1 working day after Sat 19 Apr 2025); Sat 19 Apr 2025 is not a working day, so counting started from Tue 22 Apr 2025", output);
    }

    [Fact]
    public void Add_NegativeSaysBefore()
    {
        var (_, output, _) = Run("add", "2025-05-20", "-15");
        Assert.Equal("Mon 28 Apr 2025 (15 working days before Tue 20 May 2025)", output);
    }

    [Fact]
    public void Add_Json_HasStableSnakeCaseKeys()
    {
        var (exit, output, _) = Run("add", "2025-04-19", "5", "--json");
        Assert.Equal(0, exit);
        Assert.Equal(
            """{"start":"2025-04-19","working_days":5,"result":"2025-04-29","start_is_working_day":false,"start_moved":true,"counted_from":"2025-04-22"}""",
            output);
    }

    [Fact]
    public void Between_TextAndJson()
    {
        Assert.Equal(
            "5 working days from Thu 17 Apr 2025 to Mon 28 Apr 2025 (not counting Thu 17 Apr 2025, counting Mon 28 Apr 2025)",
            Run("between", "2025-04-17", "2025-04-28").Out);

        var (exit, output, _) = Run("--json", "between", "2025-04-17", "2025-04-28");
        Assert.Equal(0, exit);
        Assert.Equal("""{"from":"2025-04-17","to":"2025-04-28","working_days":5}""", output);
    }

    [Fact]
    public void Is_TextNamesTheBankHoliday()
    {
        Assert.Equal("Thu 25 Dec 2025 is not a working day (Christmas Day); the next working day is Mon 29 Dec 2025", Run("is", "2025-12-25").Out);
        Assert.Equal("Sat 19 Apr 2025 is not a working day (Saturday); the next working day is Tue 22 Apr 2025", Run("is", "2025-04-19").Out);
        Assert.Equal("Wed 24 Dec 2025 is a working day", Run("is", "2025-12-24").Out);
    }

    [Fact]
    public void Is_Json()
    {
        var (exit, output, _) = Run("is", "2025-12-25", "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("is_working_day").GetBoolean());
        Assert.Equal("bank_holiday", json.RootElement.GetProperty("reason").GetString());
        Assert.Equal("Christmas Day", json.RootElement.GetProperty("bank_holiday").GetString());
        Assert.Equal("2025-12-29", json.RootElement.GetProperty("next_working_day").GetString());

        var working = Run("is", "2025-12-24", "--json").Out;
        Assert.Equal("""{"date":"2025-12-24","is_working_day":true,"reason":null,"bank_holiday":null,"next_working_day":"2025-12-29"}""", working);
    }

    [Theory]
    [InlineData("working-days: missing sub-command: add, between or is")]
    [InlineData("working-days: unknown sub-command 'sum': use add, between or is", "sum")]
    [InlineData("working-days: '17/04/2025' is not a date in the form yyyy-mm-dd", "add", "17/04/2025", "5")]
    [InlineData("working-days: 'five' is not a whole number of working days", "add", "2025-04-17", "five")]
    [InlineData("working-days: add needs a date and a number of working days, e.g. working-days add 2025-04-17 5", "add", "2025-04-17")]
    [InlineData("working-days: 1989-12-31 is outside the working-day calendar (1990-01-01 to 2060-12-31)", "is", "1989-12-31")]
    [InlineData("working-days: 100 working days from 2060-12-01 falls outside the working-day calendar (1990-01-01 to 2060-12-31)", "add", "2060-12-01", "100")]
    [InlineData("working-days: unknown option '--yaml'", "is", "2025-12-25", "--yaml")]
    public void BadInput_ExitsNonZeroWithOneLineReason(string expected, params string[] args)
    {
        var (exit, output, error) = Run(args);
        Assert.NotEqual(0, exit);
        Assert.Empty(output);
        Assert.Equal(expected, error);
        Assert.DoesNotContain('\n', error);
    }
}
