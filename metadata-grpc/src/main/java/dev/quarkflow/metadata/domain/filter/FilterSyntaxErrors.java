package dev.quarkflow.metadata.domain.filter;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

import dev.quarkflow.common.error.QuarkflowException;

/** Fails the parse on the first lexer or parser error, as INVALID_ARGUMENT naming the position. */
final class FilterSyntaxErrors extends BaseErrorListener {

    private final String field;

    FilterSyntaxErrors(String field) {
        this.field = field;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int position, String msg,
            RecognitionException e) {
        throw QuarkflowException.invalidArgument(field, "Invalid `filter_query`: syntax error at column "
                + (position + 1) + ": " + msg);
    }
}
