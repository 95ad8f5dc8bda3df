namespace Memento.Domain.Accounts;

/// <summary>Every message the account rules show to people, in one place so pages, the API and tests agree.</summary>
public static class AccountMessages
{
    public const string InvalidCredentials = "Incorrect user name or password.";
    public const string Disabled = "This account is disabled. Ask an administrator to enable it.";
    public const string UserNameRequired = "Enter a user name.";
    public const string UserNameInvalid = "A user name has 1 to 64 letters, digits, '.', '-', '_' or '@', without spaces.";
    public const string UserNameTaken = "That user name is already taken.";
    public const string PasswordsDiffer = "The two new passwords are not the same.";
    public const string CurrentPasswordWrong = "The current password is not correct.";
    public const string TokenNameRequired = "Give the token a name, such as the script or machine that will use it.";

    public static string TooManySignInAttempts(TimeSpan retryAfter) =>
        $"Too many sign-in attempts from your address. Wait {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} seconds, then try again.";

    public static string PasswordTooShort(int min) => $"A password needs at least {min} characters.";
    public static string PasswordTooLong(int max) => $"A password can have at most {max} characters.";
}
