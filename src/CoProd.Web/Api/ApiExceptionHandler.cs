using CoProd.Application.Common;
using CoProd.Domain.Common;
using CoProd.Domain.Deals;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CoProd.Web.Api;

/// <summary>
/// Turns the application's expected failures into ProblemDetails for the JSON API: invalid input 400 (with the
/// fields), a broken rule 400, a refused action 403 (with the reason), not found 404 (also for a deal the caller
/// is not a member of), conflict 409, a missing If-Match 428. Anything else is left to the generic 500 handler,
/// which shows no stack trace.
/// </summary>
internal sealed class ApiExceptionHandler : IExceptionHandler
{
    private readonly IProblemDetailsService _problems;

    public ApiExceptionHandler(IProblemDetailsService problems) => _problems = problems;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        ProblemDetails? problem = exception switch
        {
            RequestValidationException invalid => new ValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
                Detail = "See errors: each names the field and what is wrong with it.",
            },
            DealAccessException refused => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Not allowed.", Detail = refused.Message },
            ConflictException conflict => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Changed meanwhile.", Detail = conflict.Message },
            DomainException domain => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "The request breaks a rule.", Detail = domain.Message },
            NotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = notFound.Message },
            AccessDeniedException denied => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden.", Detail = denied.Message },
            PreconditionRequiredException precondition => new ProblemDetails { Status = StatusCodes.Status428PreconditionRequired, Title = "If-Match required.", Detail = precondition.Message },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await _problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
