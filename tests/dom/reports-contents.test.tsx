// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportsContents } from '../../src-renderer/src/screens/reports/ReportsContents';

afterEach(cleanup);

describe('the Reports screen’s list of the reports on it', () => {
  it('names each report in page order, and its button puts the keyboard on that report’s heading', () => {
    render(
      <>
        <ReportsContents
          reports={[
            { headingId: 'appointments-title', label: 'Appointments' },
            { headingId: 'stock-title', label: 'Stock' },
          ]}
        />
        <h2 id="appointments-title">Appointments</h2>
        <h2 id="stock-title">Stock</h2>
      </>,
    );
    const list = screen.getByRole('navigation', { name: 'On this page' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Appointments', 'Stock']);
    fireEvent.click(within(list).getByRole('button', { name: 'Stock' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Stock' }));
    fireEvent.click(within(list).getByRole('button', { name: 'Appointments' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Appointments' }));
  });

  it('is left out when the page holds a single report: nothing to choose between', () => {
    render(<ReportsContents reports={[{ headingId: 'appointments-title', label: 'Appointments' }]} />);
    expect(screen.queryByRole('navigation', { name: 'On this page' })).toBeNull();
  });
});
