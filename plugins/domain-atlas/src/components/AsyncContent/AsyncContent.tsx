import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { ReactNode } from 'react';

/** What `useAsync` of react-use returns. */
export interface AsyncValue<T> {
  loading: boolean;
  error?: Error;
  value?: T;
}

/** Props of {@link AsyncContent}. */
export interface AsyncContentProps<T> {
  /** The state of the request, e.g. straight from `useAsync`. */
  state: AsyncValue<T>;
  /**
   * Shown when the answer holds nothing to show (see `isEmpty`); without
   * it, a missing answer is shown as an error.
   */
  empty?: {
    title: string;
    description: string | JSX.Element;
    /** Shown under the description, e.g. a button or an example. */
    action?: JSX.Element;
  };
  /** Whether an answer holds nothing to show. */
  isEmpty?: (value: T) => boolean;
  /**
   * Height kept free while loading, about that of the content, so that the
   * page does not jump when the answer arrives.
   */
  minHeight?: number;
  /**
   * The title of the card the content shows in: the loading, error and
   * empty states then show in a card of that title, where the card will be.
   */
  cardTitle?: string;
  /** What the content is, for the progress bar's accessible name. */
  what: string;
  /** The content, once there is an answer with something to show. */
  children: (value: T) => ReactNode;
}

/**
 * The loading, error and empty states of content that the Domain Atlas
 * backend answers, with Backstage's Progress, ResponseErrorPanel and
 * EmptyState; the content itself once the answer has arrived.
 */
export function AsyncContent<T>(props: AsyncContentProps<T>) {
  const { state, empty, isEmpty, minHeight = 240, cardTitle, what } = props;
  const frame = (content: ReactNode) =>
    cardTitle ? (
      <InfoCard title={cardTitle}>{content}</InfoCard>
    ) : (
      <>{content}</>
    );

  if (state.loading) {
    return frame(
      <Box minHeight={minHeight} aria-busy="true">
        <Progress aria-label={`Loading ${what}`} />
      </Box>,
    );
  }
  if (state.error) {
    return frame(<ResponseErrorPanel error={state.error} />);
  }
  const value = state.value;
  if (value === undefined || (isEmpty && isEmpty(value))) {
    if (!empty) {
      return frame(
        <ResponseErrorPanel
          error={new Error(`The Domain Atlas backend sent no ${what}.`)}
        />,
      );
    }
    return frame(
      <EmptyState
        missing="data"
        title={empty.title}
        description={empty.description}
        action={empty.action}
      />,
    );
  }
  return <>{props.children(value)}</>;
}
