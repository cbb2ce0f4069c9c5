using Microsoft.AspNetCore.Http;

namespace Parley.Web.Api;

/// <summary>Error responses of the API: RFC 7807 problem details whose <c>detail</c> is one sentence for the user.</summary>
internal static class Problems
{
    public static IResult NotFound(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static IResult Status(int status, string detail) => Results.Problem(detail, statusCode: status, title: status == 429 ? "Too many runs" : "Refused");

    public static IResult Unreadable(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Scenario cannot be read");
}
