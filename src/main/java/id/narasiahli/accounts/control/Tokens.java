package id.narasiahli.accounts.control;

/** What a successful login or refresh hands out. */
public record Tokens(String accessToken, long expiresInSeconds, String refreshToken, long refreshExpiresInSeconds) {
}
